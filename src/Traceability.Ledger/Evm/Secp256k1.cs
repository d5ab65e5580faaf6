using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Traceability.Ledger.Evm;

/// <summary>The secp256k1 curve: public-key recovery from signatures (ecrecover).</summary>
public static class Secp256k1
{
    // The "custom" curve has specialised field arithmetic and the GLV endomorphism: several times faster.
    internal static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    internal static readonly ECPoint G = Parameters.G;
    internal static readonly BcBigInteger N = Parameters.N;
    internal static readonly BcBigInteger HalfN = N.ShiftRight(1);

    // Comb tables for G are computed once and cached on the curve, so k*G costs a few dozen additions.
    internal static readonly ECMultiplier BaseMultiplier = new FixedPointCombMultiplier();

    public static EvmAddress Recover(ReadOnlySpan<byte> digest32, EcdsaSignature signature) =>
        EvmAddress.FromPublicKey(RecoverPublicKey(digest32, signature));

    public static bool TryRecover(ReadOnlySpan<byte> digest32, EcdsaSignature signature, out EvmAddress address)
    {
        try
        {
            address = Recover(digest32, signature);
            return true;
        }
        catch (ArgumentException)
        {
            address = default;
            return false;
        }
    }

    /// <summary>The 64-byte X||Y public key that produced the signature over this digest.</summary>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> digest32, EcdsaSignature signature)
    {
        RequireDigest(digest32);
        ArgumentNullException.ThrowIfNull(signature.R, nameof(signature));
        var r = new BcBigInteger(1, signature.R);
        var s = new BcBigInteger(1, signature.S);
        if (r.SignValue == 0 || r.CompareTo(N) >= 0 || s.SignValue == 0 || s.CompareTo(N) >= 0)
        {
            throw new ArgumentException("Signature R and S must lie in [1, n-1].", nameof(signature));
        }

        // R's X coordinate is r, or r + n when the recovery id says it overflowed the group order.
        var x = signature.RecoveryId >= 2 ? r.Add(N) : r;
        if (x.CompareTo(Parameters.Curve.Field.Characteristic) >= 0)
        {
            throw new ArgumentException("Signature recovery id names an X beyond the field.", nameof(signature));
        }

        var compressed = new byte[33];
        compressed[0] = (byte)(0x02 | (signature.RecoveryId & 1));
        To32Bytes(x).CopyTo(compressed, 1);
        ECPoint nonce;
        try
        {
            nonce = Parameters.Curve.DecodePoint(compressed);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("Signature R is not the X coordinate of a curve point.", nameof(signature), ex);
        }

        // Q = r^-1 (s*R - e*G)
        var e = new BcBigInteger(1, digest32);
        var rInverse = r.ModInverse(N);
        var q = ECAlgorithms.SumOfTwoMultiplies(
            G, e.Negate().Multiply(rInverse).Mod(N),
            nonce, s.Multiply(rInverse).Mod(N)).Normalize();
        if (q.IsInfinity)
        {
            throw new ArgumentException("Signature recovers to the point at infinity.", nameof(signature));
        }

        return q.GetEncoded(false)[1..];
    }

    internal static void RequireDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException($"A digest is 32 bytes, not {digest.Length}.", nameof(digest));
        }
    }

    internal static byte[] To32Bytes(BcBigInteger value)
    {
        var bytes = new byte[32];
        var magnitude = value.ToByteArrayUnsigned();
        magnitude.CopyTo(bytes, 32 - magnitude.Length);
        return bytes;
    }
}
