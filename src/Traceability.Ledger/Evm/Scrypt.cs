using Nethereum.KeyStore.Crypto;

namespace Traceability.Ledger.Evm;

/// <summary>
/// scrypt (RFC 7914) by Nethereum's <see cref="ScryptNet"/>, which checks none of its parameters: a non-power-of-two
/// N silently derives a wrong key and a large one overflows its buffer sizes. (BouncyCastle's SCrypt enforces the
/// RFC's N &lt; 2^(16r), which geth does not, so it refuses real keystores such as the Web3 Secret Storage vector.)
/// </summary>
internal static class Scrypt
{
    public static byte[] Derive(byte[] password, byte[] salt, int n, int r, int p, int length)
    {
        if (n < 2 || (n & (n - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "N must be a power of two greater than 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(r, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        if (128L * r * n > Array.MaxLength - 63 || 128L * r * p > Array.MaxLength - 63)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "scrypt parameters need more memory than an array can hold.");
        }

        return ScryptNet.CryptoScrypt(password, salt, n, r, p, length);
    }
}
