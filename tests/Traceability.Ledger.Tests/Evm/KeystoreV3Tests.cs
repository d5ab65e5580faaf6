using System.Text.Json.Nodes;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Tests.Evm;

/// <summary>The two test vectors of the Web3 Secret Storage Definition (password "testpassword").</summary>
public class KeystoreV3PublishedVectors
{
    private const string PrivateKey = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";

    private const string Pbkdf2Vector = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "6087dab2f9fdbbfaddc31a909735c1e6" },
            "ciphertext": "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
            "kdf": "pbkdf2",
            "kdfparams": {
              "c": 262144,
              "dklen": 32,
              "prf": "hmac-sha256",
              "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"
            },
            "mac": "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    private const string ScryptVector = """
        {
          "crypto": {
            "cipher": "aes-128-ctr",
            "cipherparams": { "iv": "83dbcc02d8ccb40e466191a123791e0e" },
            "ciphertext": "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
            "kdf": "scrypt",
            "kdfparams": {
              "dklen": 32,
              "n": 262144,
              "p": 8,
              "r": 1,
              "salt": "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"
            },
            "mac": "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"
          },
          "id": "3198bc9c-6672-5ab3-d995-4942343ae5b6",
          "version": 3
        }
        """;

    [Fact]
    public void DecryptsThePbkdf2Vector() =>
        Assert.Equal(PrivateKey, Hex.Encode(KeystoreV3.Decrypt(Pbkdf2Vector, "testpassword").PrivateKey, prefix: false));

    [Fact]
    public void DecryptsTheScryptVector() =>
        Assert.Equal(PrivateKey, Hex.Encode(KeystoreV3.Decrypt(ScryptVector, "testpassword").PrivateKey, prefix: false));

    [Fact]
    public void RefusesTheWrongPasswordWithAMacMismatch()
    {
        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(Pbkdf2Vector, "testpassword!"));
        Assert.Contains("MAC mismatch", ex.Message);
    }

    [Fact]
    public void AcceptsAMatchingAddressAndRefusesAnotherOne()
    {
        var withAddress = JsonNode.Parse(Pbkdf2Vector)!.AsObject();
        withAddress["address"] = "008aeeda4d805471df9b2a5b0f38a0c3bcba786b";
        Assert.Equal(PrivateKey, Hex.Encode(KeystoreV3.Decrypt(withAddress.ToJsonString(), "testpassword").PrivateKey, prefix: false));

        withAddress["address"] = "0000000000000000000000000000000000000001";
        Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(withAddress.ToJsonString(), "testpassword"));
    }
}

public class KeystoreV3RoundTrip
{
    // Cheap parameters keep the suite fast; the defaults are exercised once below.
    private static readonly ScryptParameters Cheap = new(1024, 8, 1);

    [Fact]
    public void DecryptsWhatItEncryptsWithTheDefaultParameters()
    {
        var key = Secp256k1Key.Generate();
        var json = KeystoreV3.Encrypt(key, "correct horse battery staple");
        Assert.Equal(key.PrivateKey, KeystoreV3.Decrypt(json, "correct horse battery staple").PrivateKey);
        Assert.Equal(4096, JsonNode.Parse(json)!["crypto"]!["kdfparams"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public void WritesAVersion3FileWithTheGivenIdAndAddress()
    {
        var key = Secp256k1Key.Generate();
        var id = Guid.NewGuid();
        var json = JsonNode.Parse(KeystoreV3.Encrypt(key, "pw", Cheap, id))!;
        Assert.Equal(3, json["version"]!.GetValue<int>());
        Assert.Equal(id.ToString(), json["id"]!.GetValue<string>());
        Assert.Equal(key.Address.ToLowerHex()[2..], json["address"]!.GetValue<string>());
        Assert.Equal("scrypt", json["crypto"]!["kdf"]!.GetValue<string>());
        Assert.Equal(1024, json["crypto"]!["kdfparams"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public void UsesFreshSaltAndIvEachTime()
    {
        var key = Secp256k1Key.Generate();
        Assert.NotEqual(KeystoreV3.Encrypt(key, "pw", Cheap), KeystoreV3.Encrypt(key, "pw", Cheap));
    }

    [Fact]
    public void RefusesTheWrongPassword()
    {
        var json = KeystoreV3.Encrypt(Secp256k1Key.Generate(), "right", Cheap);
        Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "wrong"));
    }

    [Fact]
    public void RefusesATamperedCiphertext()
    {
        var json = JsonNode.Parse(KeystoreV3.Encrypt(Secp256k1Key.Generate(), "pw", Cheap))!;
        var ciphertext = Hex.Decode(json["crypto"]!["ciphertext"]!.GetValue<string>());
        ciphertext[0] ^= 1;
        json["crypto"]!["ciphertext"] = Hex.Encode(ciphertext, prefix: false);
        Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json.ToJsonString(), "pw"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"version":3}""")]
    [InlineData("""{"version":1,"crypto":{}}""")]
    [InlineData("""{"version":3,"crypto":{"cipher":"aes-128-cbc"}}""")]
    [InlineData("""{"version":3,"crypto":{"cipher":"aes-128-ctr","ciphertext":"00","cipherparams":{"iv":"00"},"mac":"00","kdf":"scrypt","kdfparams":{}}}""")]
    public void ReportsMalformedFilesAsKeystoreException(string json) =>
        Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "pw"));

    [Fact]
    public void RefusesScryptParametersThatWouldExhaustMemory()
    {
        var json = JsonNode.Parse(KeystoreV3.Encrypt(Secp256k1Key.Generate(), "pw", Cheap))!;
        json["crypto"]!["kdfparams"]!["n"] = 1 << 30;
        var ex = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json.ToJsonString(), "pw"));
        Assert.Contains("scrypt", ex.Message);
    }
}
