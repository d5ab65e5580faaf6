using System.Security.Cryptography;
using CsCheck;

namespace Traceability.Fabric.Tests.Wire;

public sealed class SignaturesAreLowSDer
{
    [Fact]
    public void EverySignatureVerifiesAndHasTheLowS()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = Signers.NewPrivateKeySigner(key);
        var highSSeen = false;
        Gen.Byte.Array[32].Sample(digest =>
        {
            var signature = signer(digest);
            Assert.True(key.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence));
            Assert.True(Signers.IsLowS(signature));
            // .NET's own signatures are high-S half of the time: the normalisation is exercised.
            highSSeen |= !Signers.IsLowS(key.SignHash(digest, DSASignatureFormat.Rfc3279DerSequence));
        }, iter: 200);
        Assert.True(highSSeen);
    }

    [Fact]
    public void KeysOtherThanP256AreRefused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<ArgumentException>(() => Signers.NewPrivateKeySigner(key));
    }
}
