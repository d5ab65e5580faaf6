using Nethereum.Signer.Crypto;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Traceability.Ledger.Evm;

/// <summary>The secp256k1 curve: public-key recovery from signatures (ecrecover), through Nethereum's <see cref="ECKey"/>.</summary>
public static class Secp256k1
{
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

        // Nethereum checks only the signs of R and S; zero or an out-of-range value fails deep inside
        // BouncyCastle (or NBitcoin, with SignRecoverable on) with whatever exception it happens to throw.
        var r = new BcBigInteger(1, signature.R);
        var s = new BcBigInteger(1, signature.S);
        if (r.SignValue == 0 || r.CompareTo(ECKey.CURVE_ORDER) >= 0 || s.SignValue == 0 || s.CompareTo(ECKey.CURVE_ORDER) >= 0)
        {
            throw new ArgumentException("Signature R and S must lie in [1, n-1].", nameof(signature));
        }

        // Recovery ids 2 and 3 say R's X coordinate is r + n; with SignRecoverable on, NBitcoin recovers some key
        // even when r + n lies beyond the field, where BouncyCastle (rightly) finds none.
        if (signature.RecoveryId >= 2 && r.Add(ECKey.CURVE_ORDER).CompareTo(ECKey.Secp256k1.Curve.Field.Characteristic) >= 0)
        {
            throw new ArgumentException("Signature recovery id names an X beyond the field.", nameof(signature));
        }

        ECKey? key;
        try
        {
            key = ECKey.RecoverFromSignature(signature.RecoveryId, new ECDSASignature(r, s), digest32.ToArray(), false);
        }
        catch (Exception ex) when (ex is ArgumentException or ArithmeticException or InvalidOperationException or NullReferenceException)
        {
            throw new ArgumentException($"The signature does not recover to a public key: {ex.Message}", nameof(signature), ex);
        }

        var encoded = key?.GetPubKey(false);
        return encoded is { Length: 65 }
            ? encoded[1..]
            : throw new ArgumentException("The signature does not recover to a public key.", nameof(signature));
    }

    internal static void RequireDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException($"A digest is 32 bytes, not {digest.Length}.", nameof(digest));
        }
    }

    /// <summary>Left-pads a big-endian scalar (Nethereum trims leading zeros) to 32 bytes.</summary>
    internal static byte[] To32Bytes(byte[] magnitude)
    {
        if (magnitude.Length > 32)
        {
            throw new ArgumentException("A scalar is at most 32 bytes.", nameof(magnitude));
        }

        var bytes = new byte[32];
        magnitude.CopyTo(bytes, 32 - magnitude.Length);
        return bytes;
    }
}
