using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Traceability.Ledger.Evm;

/// <summary>
/// Web3 Secret Storage v3 key files, as geth and ethers write them: scrypt (or PBKDF2-HMAC-SHA256) derives
/// a key, AES-128-CTR encrypts the private key, and keccak256(derivedKey[16..32] || ciphertext) is the MAC.
/// </summary>
public static class KeystoreV3
{
    private const int DerivedKeyLength = 32;

    // Limits for files we read, so a hostile file cannot demand unbounded memory or time.
    private const long MaxScryptMemory = 256L * 1024 * 1024;
    private const int MaxScryptP = 64;
    private const int MaxPbkdf2Iterations = 10_000_000;

    /// <summary>Encrypts a key; scrypt parameters default to <see cref="ScryptParameters.Light"/>.</summary>
    public static string Encrypt(Secp256k1Key key, string password, ScryptParameters? p = null, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        p ??= ScryptParameters.Light;
        var salt = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(16);
        var derived = Scrypt.Derive(Encoding.UTF8.GetBytes(password), salt, p.N, p.R, p.P, DerivedKeyLength);
        var ciphertext = AesCtr(derived.AsSpan(0, 16).ToArray(), iv, key.PrivateKey);

        var json = new JsonObject
        {
            ["address"] = key.Address.ToLowerHex()[2..],
            ["crypto"] = new JsonObject
            {
                ["cipher"] = "aes-128-ctr",
                ["ciphertext"] = Hex.Encode(ciphertext, prefix: false),
                ["cipherparams"] = new JsonObject { ["iv"] = Hex.Encode(iv, prefix: false) },
                ["kdf"] = "scrypt",
                ["kdfparams"] = new JsonObject
                {
                    ["dklen"] = DerivedKeyLength,
                    ["n"] = p.N,
                    ["p"] = p.P,
                    ["r"] = p.R,
                    ["salt"] = Hex.Encode(salt, prefix: false),
                },
                ["mac"] = Hex.Encode(Mac(derived, ciphertext), prefix: false),
            },
            ["id"] = (id ?? Guid.NewGuid()).ToString("D"),
            ["version"] = 3,
        };
        return json.ToJsonString();
    }

    /// <summary>Opens a key file. A wrong password fails the MAC check and throws; it never yields a wrong key.</summary>
    public static Secp256k1Key Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(password);
        try
        {
            return DecryptCore(json, password);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new KeystoreException($"Malformed keystore file: {ex.Message}", ex);
        }
    }

    private static Secp256k1Key DecryptCore(string json, string password)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new KeystoreException("A keystore file is a JSON object.");
        if (root["version"]?.GetValue<int>() != 3)
        {
            throw new KeystoreException("Only version 3 keystore files are supported.");
        }

        // Some wallets (MyEtherWallet) wrote "Crypto" with a capital C.
        var crypto = (root["crypto"] ?? root["Crypto"]) as JsonObject ?? throw new KeystoreException("The keystore has no crypto section.");
        var cipher = Text(crypto, "cipher");
        if (cipher != "aes-128-ctr")
        {
            throw new KeystoreException($"Unsupported keystore cipher '{cipher}'.");
        }

        var ciphertext = Hex.Decode(Text(crypto, "ciphertext"));
        var iv = Hex.Decode(Text(Section(crypto, "cipherparams"), "iv"));
        var mac = Hex.Decode(Text(crypto, "mac"));
        if (ciphertext.Length != 32 || iv.Length != 16)
        {
            throw new KeystoreException("The keystore's ciphertext must be 32 bytes and its IV 16 bytes.");
        }

        var derived = DeriveKey(Text(crypto, "kdf"), Section(crypto, "kdfparams"), Encoding.UTF8.GetBytes(password));
        if (!CryptographicOperations.FixedTimeEquals(Mac(derived, ciphertext), mac))
        {
            throw new KeystoreException("MAC mismatch: wrong password, or the keystore file is corrupt.");
        }

        var key = Secp256k1Key.FromPrivateKey(AesCtr(derived[..16], iv, ciphertext));
        if (root["address"]?.GetValue<string>() is { Length: > 0 } address
            && !Hex.Decode(address).AsSpan().SequenceEqual(key.Address.ToArray()))
        {
            throw new KeystoreException($"The key decrypts, but belongs to {key.Address}, not the file's address {address}.");
        }

        return key;
    }

    private static byte[] DeriveKey(string kdf, JsonObject kdfParams, byte[] password)
    {
        var salt = Hex.Decode(Text(kdfParams, "salt"));
        var dkLength = Number(kdfParams, "dklen");
        if (dkLength is < DerivedKeyLength or > 64)
        {
            throw new KeystoreException($"Unsupported derived key length {dkLength}.");
        }

        switch (kdf)
        {
            case "scrypt":
                var n = Number(kdfParams, "n");
                var r = Number(kdfParams, "r");
                var p = Number(kdfParams, "p");
                if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p is < 1 or > MaxScryptP || 128L * r * n > MaxScryptMemory)
                {
                    throw new KeystoreException($"Unsupported scrypt parameters n={n}, r={r}, p={p}.");
                }

                return Scrypt.Derive(password, salt, n, r, p, dkLength);
            case "pbkdf2":
                var prf = Text(kdfParams, "prf");
                var iterations = Number(kdfParams, "c");
                if (prf != "hmac-sha256" || iterations is < 1 or > MaxPbkdf2Iterations)
                {
                    throw new KeystoreException($"Unsupported PBKDF2 parameters prf={prf}, c={iterations}.");
                }

                return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, dkLength);
            default:
                throw new KeystoreException($"Unsupported keystore kdf '{kdf}'.");
        }
    }

    private static byte[] Mac(byte[] derivedKey, byte[] ciphertext) =>
        Keccak256.Hash([.. derivedKey.AsSpan(16, 16), .. ciphertext]);

    private static byte[] AesCtr(byte[] key, byte[] iv, byte[] input)
    {
        var cipher = CipherUtilities.GetCipher("AES/CTR/NoPadding");
        cipher.Init(true, new ParametersWithIV(new KeyParameter(key), iv)); // CTR decrypts by encrypting
        return cipher.DoFinal(input);
    }

    private static JsonObject Section(JsonObject parent, string name) =>
        parent[name] as JsonObject ?? throw new KeystoreException($"The keystore has no '{name}' object.");

    private static string Text(JsonObject parent, string name) =>
        parent[name]?.GetValue<string>() ?? throw new KeystoreException($"The keystore has no '{name}'.");

    private static int Number(JsonObject parent, string name) =>
        parent[name]?.GetValue<int>() ?? throw new KeystoreException($"The keystore has no '{name}'.");
}
