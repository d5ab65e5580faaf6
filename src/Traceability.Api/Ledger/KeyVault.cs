using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Traceability.Ledger.Evm;

namespace Traceability.Api.Ledger;

/// <summary>
/// Organisation and admin ledger keys as Ethereum v3 keystore files under DataDir/keys. Decrypted
/// keys stay in memory (scrypt makes every decryption deliberately slow).
/// </summary>
public sealed class KeyVault
{
    private readonly string _dir;
    private readonly Lazy<string> _password;
    private readonly ConcurrentDictionary<string, Secp256k1Key> _unlocked = new(StringComparer.Ordinal);
    private readonly Lock _createLock = new();

    public KeyVault(IOptions<TraceOptions> options)
    {
        _dir = Path.GetFullPath(Path.Combine(options.Value.DataDir, "keys"));
        var configured = options.Value.Ledger.KeystorePassword;
        _password = new Lazy<string>(() => string.IsNullOrEmpty(configured) ? LocalPassword() : configured);
    }

    public string Directory => _dir;

    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <summary>Creates a new key; refuses to overwrite an existing keystore.</summary>
    public Secp256k1Key Create(string name)
    {
        lock (_createLock)
        {
            if (Exists(name)) throw new InvalidOperationException($"keystore {name} already exists");
            var key = Secp256k1Key.Generate();
            System.IO.Directory.CreateDirectory(_dir);
            WritePrivate(PathOf(name), KeystoreV3.Encrypt(key, _password.Value));
            _unlocked[name] = key;
            return key;
        }
    }

    public Secp256k1Key Load(string name) =>
        _unlocked.GetOrAdd(name, n => KeystoreV3.Decrypt(File.ReadAllText(PathOf(n)), _password.Value));

    public Secp256k1Key LoadOrCreate(string name) => Exists(name) ? Load(name) : Create(name);

    private string PathOf(string name)
    {
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            throw new ArgumentException($"invalid key name {name}", nameof(name));
        return Path.Combine(_dir, name + ".json");
    }

    // Development default: a random password kept beside the keystores. Production sets
    // Trace:Ledger:KeystorePassword from a secret store so the files alone do not reveal the keys.
    private string LocalPassword()
    {
        var file = Path.Combine(_dir, ".password");
        lock (_createLock)
        {
            if (File.Exists(file)) return File.ReadAllText(file).Trim();
            System.IO.Directory.CreateDirectory(_dir);
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            WritePrivate(file, password);
            return password;
        }
    }

    private static void WritePrivate(string path, string content)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: false);
    }
}
