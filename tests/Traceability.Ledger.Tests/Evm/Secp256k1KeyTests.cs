using CsCheck;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

public class Secp256k1KeyDerivation
{
    [Theory]
    // Private key 1 gives the generator point itself.
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf")]
    // The EIP-155 example key.
    [InlineData("4646464646464646464646464646464646464646464646464646464646464646", "0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")]
    // The Web3 Secret Storage test-vector key.
    [InlineData("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d", "0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b")]
    public void DerivesTheKnownAddress(string privateKey, string address) =>
        Assert.Equal(address, Secp256k1Key.FromPrivateKey(Hex.Decode(privateKey)).Address.ToLowerHex());

    [Fact]
    public void PublicKeyOfOneIsTheGeneratorPoint() =>
        Assert.Equal(
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
            Hex.Encode(Secp256k1Key.FromPrivateKey(Hex.Decode("00000000000000000000000000000000000000000000000000000000000000" + "01")).PublicKey, prefix: false));

    [Fact]
    public void AddressIsDerivedFromThePublicKey()
    {
        var key = Secp256k1Key.Generate();
        Assert.Equal(key.Address, EvmAddress.FromPublicKey(key.PublicKey));
        Assert.Equal(key.Address, EvmAddress.FromPublicKey([0x04, .. key.PublicKey]));
    }
}

public class Secp256k1KeyValidation
{
    private const string N = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private const string NMinusOne = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(N)]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("01")]
    [InlineData("000000000000000000000000000000000000000000000000000000000000000001")]
    public void RejectsKeysOutsideOneToNMinusOne(string hex) =>
        Assert.Throws<ArgumentException>(() => Secp256k1Key.FromPrivateKey(Hex.Decode(hex)));

    [Fact]
    public void AcceptsTheLargestValidKey() =>
        Assert.Equal(NMinusOne, Hex.Encode(Secp256k1Key.FromPrivateKey(Hex.Decode(NMinusOne)).PrivateKey, prefix: false));

    [Fact]
    public void HandsOutCopiesOfItsKeys()
    {
        var key = Secp256k1Key.Generate();
        key.PrivateKey[0] ^= 0xff;
        key.PublicKey[0] ^= 0xff;
        Assert.Equal(key.Address, Secp256k1Key.FromPrivateKey(key.PrivateKey).Address);
        Assert.Equal(key.Address, EvmAddress.FromPublicKey(key.PublicKey));
    }

    [Fact]
    public void GeneratesDistinctKeysThatSurviveExport()
    {
        var a = Secp256k1Key.Generate();
        var b = Secp256k1Key.Generate();
        Assert.NotEqual(a.Address, b.Address);
        Assert.Equal(a.Address, Secp256k1Key.FromPrivateKey(a.PrivateKey).Address);
    }
}
