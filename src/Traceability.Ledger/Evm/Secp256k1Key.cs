using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Traceability.Ledger.Evm;

/// <summary>A secp256k1 private key that signs Ethereum digests deterministically (RFC 6979) with low S.</summary>
public sealed class Secp256k1Key
{
    private readonly BcBigInteger _d;
    private readonly byte[] _publicKey;

    private Secp256k1Key(BcBigInteger d)
    {
        _d = d;
        _publicKey = Secp256k1.BaseMultiplier.Multiply(Secp256k1.G, d).Normalize().GetEncoded(false)[1..];
        Address = EvmAddress.FromPublicKey(_publicKey);
    }

    public EvmAddress Address { get; }

    /// <summary>A copy of the 32-byte big-endian private scalar.</summary>
    public byte[] PrivateKey => Secp256k1.To32Bytes(_d);

    /// <summary>A copy of the 64-byte uncompressed public key, X||Y without the 0x04 prefix.</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    public static Secp256k1Key Generate()
    {
        var random = new SecureRandom();
        return new Secp256k1Key(BigIntegers.CreateRandomInRange(BcBigInteger.One, Secp256k1.N.Subtract(BcBigInteger.One), random));
    }

    public static Secp256k1Key FromPrivateKey(ReadOnlySpan<byte> key32)
    {
        if (key32.Length != 32)
        {
            throw new ArgumentException($"A private key is 32 bytes, not {key32.Length}.", nameof(key32));
        }

        var d = new BcBigInteger(1, key32);
        if (d.SignValue == 0 || d.CompareTo(Secp256k1.N) >= 0)
        {
            throw new ArgumentException("A private key must lie in [1, n-1].", nameof(key32));
        }

        return new Secp256k1Key(d);
    }

    /// <summary>
    /// Signs a 32-byte digest. k comes from RFC 6979 (HMAC-SHA256), as libsecp256k1 and ethers derive it,
    /// so the same key and digest always give the same signature; S is normalised to the lower half.
    /// </summary>
    public EcdsaSignature Sign(ReadOnlySpan<byte> digest32)
    {
        Secp256k1.RequireDigest(digest32);
        var digest = digest32.ToArray();
        var n = Secp256k1.N;
        var e = new BcBigInteger(1, digest);
        var nonces = new HMacDsaKCalculator(new Sha256Digest());
        nonces.Init(n, _d, digest);
        while (true)
        {
            var k = nonces.NextK();
            var point = Secp256k1.BaseMultiplier.Multiply(Secp256k1.G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(n);
            if (r.SignValue == 0)
            {
                continue;
            }

            var s = BigIntegers.ModOddInverse(n, k).Multiply(e.Add(_d.Multiply(r))).Mod(n);
            if (s.SignValue == 0)
            {
                continue;
            }

            var recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(n) >= 0 ? 2 : 0);
            if (s.CompareTo(Secp256k1.HalfN) > 0)
            {
                // (r, n - s) is the same signature for the point -R, whose Y has the other parity.
                s = n.Subtract(s);
                recoveryId ^= 1;
            }

            return new EcdsaSignature(Secp256k1.To32Bytes(r), Secp256k1.To32Bytes(s), recoveryId);
        }
    }

    public EvmSigner AsSigner() => digest => Sign(digest);

    public override string ToString() => $"Secp256k1Key {{ Address = {Address} }}";
}
