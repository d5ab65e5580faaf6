using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;
using Traceability.Ledger.Evm;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Traceability.Bench;

/// <summary>
/// The secp256k1 signer Traceability.Ledger had before Nethereum replaced it, kept here only as the baseline of
/// the <c>signing</c> benchmark: RFC 6979 k, BouncyCastle's specialised secp256k1 curve with a fixed-point comb
/// for k·G, and the recovery id read from R's parity instead of searched for.
/// </summary>
internal sealed class PreviousSigner(byte[] privateKey)
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly BcBigInteger HalfN = Curve.N.ShiftRight(1);
    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    private readonly BcBigInteger _d = new(1, privateKey);

    public EcdsaSignature Sign(byte[] digest)
    {
        var n = Curve.N;
        var e = new BcBigInteger(1, digest);
        var nonces = new HMacDsaKCalculator(new Sha256Digest());
        nonces.Init(n, _d, digest);
        while (true)
        {
            var k = nonces.NextK();
            var point = BaseMultiplier.Multiply(Curve.G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(n);
            var s = BigIntegers.ModOddInverse(n, k).Multiply(e.Add(_d.Multiply(r))).Mod(n);
            if (r.SignValue == 0 || s.SignValue == 0)
            {
                continue;
            }

            var recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(n) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                s = n.Subtract(s); // (r, n - s) signs for -R, whose Y has the other parity
                recoveryId ^= 1;
            }

            return new EcdsaSignature(BigIntegers.AsUnsignedByteArray(32, r), BigIntegers.AsUnsignedByteArray(32, s), recoveryId);
        }
    }
}
