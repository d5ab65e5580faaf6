using CsCheck;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Traceability.Ledger.Evm;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Traceability.Ledger.Tests.Evm;

public class Secp256k1SignAndRecover
{
    private static readonly BcBigInteger HalfN =
        new("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16);

    private static readonly Gen<Secp256k1Key> Keys =
        Gen.Byte.Array[32].Where(b => b.Any(x => x != 0) && b[0] < 0xff).Select(b => Secp256k1Key.FromPrivateKey(b));

    [Fact]
    public void RecoversTheSignersAddress() =>
        Gen.Select(Keys, Gen.Byte.Array[32]).Sample((key, digest) =>
            Assert.Equal(key.Address, Secp256k1.Recover(digest, key.Sign(digest))));

    [Fact]
    public void AlwaysProducesLowSAndRecoveryIdZeroOrOne() =>
        Gen.Select(Keys, Gen.Byte.Array[32]).Sample((key, digest) =>
        {
            var signature = key.Sign(digest);
            Assert.True(new BcBigInteger(1, signature.S).CompareTo(HalfN) <= 0);
            Assert.InRange(signature.RecoveryId, 0, 1);
        });

    [Fact]
    public void RecoversSomeoneElseForADifferentDigest()
    {
        var key = Secp256k1Key.Generate();
        var signature = key.Sign(new byte[32]);
        Assert.NotEqual(key.Address, Secp256k1.Recover(Enumerable.Repeat((byte)1, 32).ToArray(), signature));
    }

    [Fact]
    public void RejectsDigestsThatAreNotThirtyTwoBytes() =>
        Assert.Throws<ArgumentException>(() => Secp256k1Key.Generate().Sign(new byte[31]));
}

public class Secp256k1DeterministicSigning
{
    [Fact]
    public void SignsTheSameWayFromManyThreadsAtOnce()
    {
        var key = Secp256k1Key.Generate();
        var digests = Enumerable.Range(0, 64).Select(i => Keccak256.Hash([(byte)i])).ToArray();
        var expected = digests.Select(d => key.Sign(d)).ToArray();
        var actual = new EcdsaSignature[digests.Length];
        Parallel.For(0, digests.Length, i => actual[i] = key.Sign(digests[i]));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void SignsTheSameDigestTheSameWay()
    {
        var key = Secp256k1Key.Generate();
        var digest = Keccak256.Hash("traceability"u8);
        Assert.Equal(key.Sign(digest), key.Sign(digest));
        Assert.Equal(key.Sign(digest), key.AsSigner()(digest));
    }

    [Fact]
    public void AgreesWithBouncyCastlesRfc6979Signer() =>
        Gen.Byte.Array[32].Sample(digest =>
        {
            var key = Secp256k1Key.FromPrivateKey(Keccak256.Hash("a fixed test key"u8));
            var curve = Org.BouncyCastle.Asn1.Sec.SecNamedCurves.GetByName("secp256k1");
            var domain = new ECDomainParameters(curve);
            var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
            signer.Init(true, new ECPrivateKeyParameters(new BcBigInteger(1, key.PrivateKey), domain));
            var rs = signer.GenerateSignature(digest);
            var lowS = rs[1].CompareTo(curve.N.ShiftRight(1)) > 0 ? curve.N.Subtract(rs[1]) : rs[1];

            var ours = key.Sign(digest);
            Assert.Equal(rs[0], new BcBigInteger(1, ours.R));
            Assert.Equal(lowS, new BcBigInteger(1, ours.S));
        });
}

public class Secp256k1RejectsInvalidSignatures
{
    private const string N = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private const string One = "0000000000000000000000000000000000000000000000000000000000000001";

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", One)]
    [InlineData(One, "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(N, One)]
    [InlineData(One, N)]
    // X = 5 is not on the curve: 5^3 + 7 = 132 is not a square mod p.
    [InlineData("0000000000000000000000000000000000000000000000000000000000000005", One)]
    public void ThrowsOrReportsFailure(string r, string s)
    {
        var signature = new EcdsaSignature(Hex.Decode(r), Hex.Decode(s), 0);
        Assert.Throws<ArgumentException>(() => Secp256k1.Recover(new byte[32], signature));
        Assert.False(Secp256k1.TryRecover(new byte[32], signature, out _));
    }
}

public class EcdsaSignatureEquality
{
    [Fact]
    public void ComparesBytesNotArrayReferences()
    {
        var a = new EcdsaSignature(new byte[32], Enumerable.Repeat((byte)7, 32).ToArray(), 1);
        var b = new EcdsaSignature(new byte[32], Enumerable.Repeat((byte)7, 32).ToArray(), 1);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { RecoveryId = 0 });
        Assert.NotEqual(a, b with { R = Enumerable.Repeat((byte)1, 32).ToArray() });
    }

    [Fact]
    public void RefusesScalarsThatAreNotThirtyTwoBytes()
    {
        Assert.Throws<ArgumentException>(() => new EcdsaSignature(new byte[31], new byte[32], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcdsaSignature(new byte[32], new byte[32], 4));
        Assert.Throws<ArgumentException>(() => new EcdsaSignature(new byte[32], new byte[32], 0) with { S = new byte[33] });
    }
}
