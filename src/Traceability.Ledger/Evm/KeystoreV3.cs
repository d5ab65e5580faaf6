using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.KeyStore.Model;

namespace Traceability.Ledger.Evm;

/// <summary>
/// Web3 Secret Storage v3 key files, as geth and ethers write them (scrypt or PBKDF2-HMAC-SHA256, AES-128-CTR,
/// keccak MAC), read and written by Nethereum's <see cref="KeyStoreService"/>. Nethereum derives whatever key
/// the file asks for (n = 2^20 took 1 GiB) and ignores the file's address, so every file is first checked
/// against the limits below, and the decrypted key against the address the file names.
/// </summary>
public static class KeystoreV3
{
    /// <summary>scrypt's memory is 128·r·N bytes: geth's standard parameters need 256 MiB.</summary>
    public const long MaxScryptMemory = 256L * 1024 * 1024;

    /// <summary>scrypt's time grows with p·128·r·N; geth's standard parameters and the published vector are at 256 MiB.</summary>
    public const long MaxScryptWork = 1024L * 1024 * 1024;

    /// <summary>PBKDF2 rounds; the published vector has 262,144.</summary>
    public const int MaxPbkdf2Iterations = 1_000_000;

    private const int DerivedKeyLength = 32;

    /// <summary>Encrypts a key; scrypt parameters default to <see cref="ScryptParameters.Light"/>.</summary>
    public static string Encrypt(Secp256k1Key key, string password, ScryptParameters? p = null, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        p ??= ScryptParameters.Light;
        var service = new KeyStoreScryptService();
        var keyStore = service.EncryptAndGenerateKeyStore(
            password, key.PrivateKey, key.Address.ToLowerHex()[2..], new ScryptParams { N = p.N, R = p.R, P = p.P, Dklen = DerivedKeyLength });
        keyStore.Id = (id ?? Guid.NewGuid()).ToString("D");
        return service.SerializeKeyStoreToJson(keyStore);
    }

    /// <summary>Opens a key file. A wrong password fails the MAC check and throws; it never yields a wrong key.</summary>
    public static Secp256k1Key Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(password);
        try
        {
            var address = CheckBeforeDeriving(json);
            var key = Secp256k1Key.FromPrivateKey(DecryptWithNethereum(json, password));
            if (address is not null && !Hex.Decode(address).AsSpan().SequenceEqual(key.Address.ToArray()))
            {
                throw new KeystoreException($"The key decrypts, but belongs to {key.Address}, not the file's address {address}.");
            }

            return key;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new KeystoreException($"Malformed keystore file: {ex.Message}", ex);
        }
    }

    private static byte[] DecryptWithNethereum(string json, string password)
    {
        try
        {
            return new KeyStoreService().DecryptKeyStoreFromJson(password, json);
        }
        catch (DecryptionException ex)
        {
            throw new KeystoreException("MAC mismatch: wrong password, or the keystore file is corrupt.", ex);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or KeystoreException))
        {
            // Nethereum reports a file it cannot read as a plain Exception.
            throw new KeystoreException($"Malformed keystore file: {ex.Message}", ex);
        }
    }

    /// <summary>Reads the file as Nethereum will and refuses it before any key is derived; returns its address, if any.</summary>
    private static string? CheckBeforeDeriving(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new KeystoreException("A keystore file is a JSON object.");
        if (root["version"]?.GetValue<int>() != 3)
        {
            throw new KeystoreException("Only version 3 keystore files are supported.");
        }

        // Some wallets (MyEtherWallet) wrote "Crypto" with a capital C; Nethereum reads either.
        var crypto = (root["crypto"] ?? root["Crypto"]) as JsonObject ?? throw new KeystoreException("The keystore has no crypto section.");
        var cipher = Text(crypto, "cipher");
        if (cipher != "aes-128-ctr")
        {
            throw new KeystoreException($"Unsupported keystore cipher '{cipher}'.");
        }

        if (Hex.Decode(Text(crypto, "ciphertext")).Length != 32
            || Hex.Decode(Text(Section(crypto, "cipherparams"), "iv")).Length != 16
            || Hex.Decode(Text(crypto, "mac")).Length != 32)
        {
            throw new KeystoreException("The keystore's ciphertext and MAC must be 32 bytes and its IV 16 bytes.");
        }

        CheckKdf(Text(crypto, "kdf"), Section(crypto, "kdfparams"));
        var address = root["address"]?.GetValue<string>();
        return string.IsNullOrEmpty(address) ? null
            : Hex.Decode(address).Length == EvmAddress.Length ? address
            : throw new KeystoreException($"The keystore's address '{address}' is not 20 bytes.");
    }

    private static void CheckKdf(string kdf, JsonObject kdfParams)
    {
        _ = Hex.Decode(Text(kdfParams, "salt"));
        var dkLength = Number(kdfParams, "dklen");
        if (dkLength is < DerivedKeyLength or > 64)
        {
            throw new KeystoreException($"Unsupported derived key length {dkLength}.");
        }

        switch (kdf)
        {
            case "scrypt":
                long n = Number(kdfParams, "n"), r = Number(kdfParams, "r"), p = Number(kdfParams, "p");
                if (n < 2 || (n & (n - 1)) != 0 || r < 1 || p < 1 || 128 * r * n > MaxScryptMemory || p * 128 * r * n > MaxScryptWork)
                {
                    throw new KeystoreException(
                        $"Unsupported scrypt parameters n={n}, r={r}, p={p}: at most {MaxScryptMemory >> 20} MiB (128·r·n) and {MaxScryptWork >> 20} MiB of work (p·128·r·n).");
                }

                break;
            case "pbkdf2":
                var prf = Text(kdfParams, "prf");
                var iterations = Number(kdfParams, "c");
                if (prf != "hmac-sha256" || iterations is < 1 or > MaxPbkdf2Iterations)
                {
                    throw new KeystoreException($"Unsupported PBKDF2 parameters prf={prf}, c={iterations} (at most {MaxPbkdf2Iterations:N0} rounds).");
                }

                break;
            default:
                throw new KeystoreException($"Unsupported keystore kdf '{kdf}'.");
        }
    }

    private static JsonObject Section(JsonObject parent, string name) =>
        parent[name] as JsonObject ?? throw new KeystoreException($"The keystore has no '{name}' object.");

    private static string Text(JsonObject parent, string name) =>
        parent[name]?.GetValue<string>() ?? throw new KeystoreException($"The keystore has no '{name}'.");

    private static int Number(JsonObject parent, string name) =>
        parent[name]?.GetValue<int>() ?? throw new KeystoreException($"The keystore has no '{name}'.");
}
