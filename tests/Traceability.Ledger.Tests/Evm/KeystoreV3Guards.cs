using System.Text.Json.Nodes;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Model;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

/// <summary>Organisations' keystores on disk were written by our own KeystoreV3 before Nethereum took over.</summary>
public class KeystoreV3ReadsFilesWrittenBeforeNethereum
{
    // Written by the previous KeystoreV3.Encrypt (scrypt n=4096, r=8, p=6) for the key keccak256("traceability
    // keystore written before nethereum"), password "written by the previous KeystoreV3".
    private const string PreviousFile = """
        {"address":"a5d31739f0337bd98ae7f13698b251d0be523ce1","crypto":{"cipher":"aes-128-ctr","ciphertext":"1b8f8ae725222b12383bea72bb30df6787f17e4a126920fabf5cb3d383888d97","cipherparams":{"iv":"611e8ea5c7fd4905a9f17583eceb5e5e"},"kdf":"scrypt","kdfparams":{"dklen":32,"n":4096,"p":6,"r":8,"salt":"fb95a5223acaf78b0142e88982da5bcf412e6f4f40a136365e9471929e92e655"},"mac":"d9086f6063b59cf741629250e449c0fe689aef22524f5c6f151ec7686eefccb0"},"id":"6f1c2b1e-8a52-4f33-9a0e-2d5f7c1b9e40","version":3}
        """;

    [Fact]
    public void DecryptsToTheSameKeyAndAddress()
    {
        var key = KeystoreV3.Decrypt(PreviousFile, "written by the previous KeystoreV3");
        Assert.Equal(Keccak256.Hash("traceability keystore written before nethereum"u8), key.PrivateKey);
        Assert.Equal("0xa5d31739f0337bd98ae7f13698b251d0be523ce1", key.Address.ToLowerHex());
    }
}

/// <summary>Nethereum derives whatever key a file asks for; the guard refuses costly parameters before deriving.</summary>
public class KeystoreV3RefusesCostlyKdfParameters
{
    private static readonly ScryptParameters Cheap = new(1024, 8, 1);

    [Theory]
    [InlineData(1 << 20, 8, 1)] // 1 GiB of memory: what Nethereum alone would allocate
    [InlineData(1 << 22, 1, 1)] // 512 MiB of memory
    [InlineData(1 << 14, 8, 128)] // 16 MiB, but 2 GiB of work
    [InlineData(1000, 8, 1)] // not a power of two: Nethereum would derive a wrong key
    [InlineData(1024, 0, 1)]
    [InlineData(1024, 8, 0)]
    public void RefusesScryptParametersBeyondTheLimits(int n, int r, int p)
    {
        var json = JsonNode.Parse(KeystoreV3.Encrypt(Secp256k1Key.Generate(), "pw", Cheap))!;
        json["crypto"]!["kdfparams"]!["n"] = n;
        json["crypto"]!["kdfparams"]!["r"] = r;
        json["crypto"]!["kdfparams"]!["p"] = p;
        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json.ToJsonString(), "pw"));
        Assert.Contains("Unsupported scrypt parameters", ex.Message);
    }

    [Fact]
    public void AcceptsGethsStandardParametersAtTheMemoryLimit()
    {
        var json = KeystoreV3.Encrypt(Secp256k1Key.Generate(), "pw", ScryptParameters.Standard);
        Assert.Equal(KeystoreV3.MaxScryptMemory, 128L * 8 * 262144);
        Assert.NotNull(KeystoreV3.Decrypt(json, "pw"));
    }

    [Fact]
    public void RefusesPbkdf2RoundsBeyondTheLimit()
    {
        var json = JsonNode.Parse("""
            {"version":3,"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
             "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","kdf":"pbkdf2",
             "kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256","salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
             "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"}}
            """)!;
        json["crypto"]!["kdfparams"]!["c"] = KeystoreV3.MaxPbkdf2Iterations + 1;
        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json.ToJsonString(), "testpassword"));
        Assert.Contains("Unsupported PBKDF2 parameters", ex.Message);
    }
}

/// <summary>Nethereum ignores the address a keystore names; opening it for another account must fail.</summary>
public class KeystoreV3ChecksTheAddressNethereumIgnores
{
    [Fact]
    public void RefusesAFileWhoseAddressIsNotItsKeys()
    {
        var key = Secp256k1Key.Generate();
        var someoneElse = Secp256k1Key.Generate().Address.ToLowerHex()[2..];
        var json = new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(
            "pw", key.PrivateKey, someoneElse, new ScryptParams { N = 1024, R = 8, P = 1, Dklen = 32 });

        Assert.Equal(key.PrivateKey, new KeyStoreService().DecryptKeyStoreFromJson("pw", json));
        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "pw"));
        Assert.Contains("belongs to", ex.Message);
    }

    [Fact]
    public void RefusesAnAddressThatIsNotTwentyBytes()
    {
        var json = JsonNode.Parse(KeystoreV3.Encrypt(Secp256k1Key.Generate(), "pw", new ScryptParameters(1024, 8, 1)))!;
        json["address"] = "00112233";
        Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json.ToJsonString(), "pw"));
    }
}
