using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Traceability.Ledger.Evm;

/// <summary>
/// scrypt (RFC 7914). BouncyCastle's SCrypt enforces the RFC's N &lt; 2^(16r) rule, which geth does not,
/// so it refuses real keystore files such as the Web3 Secret Storage test vector (N = 2^18, r = 1).
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
        var blockWords = 32 * r; // one ROMix block is 128r bytes
        if ((long)blockWords * n > Array.MaxLength || (long)p * blockWords * 4 > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "scrypt parameters need more memory than an array can hold.");
        }

        var b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, p * blockWords * 4);
        var block = new uint[blockWords];
        var v = new uint[blockWords * n];
        var scratch = new uint[blockWords + 16];
        for (var i = 0; i < p; i++)
        {
            var bytes = b.AsSpan(i * blockWords * 4, blockWords * 4);
            for (var w = 0; w < blockWords; w++)
            {
                block[w] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * w)..]);
            }

            RoMix(block, v, scratch, n, r);
            for (var w = 0; w < blockWords; w++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes[(4 * w)..], block[w]);
            }
        }

        return Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, length);
    }

    // The loops below index plain arrays and spell out rotations on purpose: test builds are unoptimised,
    // and there span indexers and helper calls cost more than the arithmetic they wrap.
    private static void RoMix(uint[] x, uint[] v, uint[] scratch, int n, int r)
    {
        var blockWords = x.Length;
        for (var i = 0; i < n; i++)
        {
            Array.Copy(x, 0, v, i * blockWords, blockWords);
            BlockMix(x, scratch, r);
        }

        var last = (2 * r - 1) * 16;
        var mask = (uint)(n - 1);
        for (var i = 0; i < n; i++)
        {
            var offset = (int)(x[last] & mask) * blockWords; // Integerify, reduced mod N
            for (var w = 0; w < blockWords; w++)
            {
                x[w] ^= v[offset + w];
            }

            BlockMix(x, scratch, r);
        }
    }

    /// <summary>Salsa20/8 over the 2r 64-byte chunks; even outputs go to the first half, odd to the second.</summary>
    private static void BlockMix(uint[] b, uint[] scratch, int r)
    {
        // scratch holds the 32r-word output followed by the 16-word running state X.
        var x = b.Length;
        Array.Copy(b, (2 * r - 1) * 16, scratch, x, 16);
        for (var i = 0; i < 2 * r; i++)
        {
            var chunk = i * 16;
            for (var w = 0; w < 16; w++)
            {
                scratch[x + w] ^= b[chunk + w];
            }

            Salsa20x8(scratch, x);
            Array.Copy(scratch, x, scratch, ((i & 1) * r + (i >> 1)) * 16, 16);
        }

        Array.Copy(scratch, 0, b, 0, b.Length);
    }

    private static void Salsa20x8(uint[] s, int o)
    {
        uint x0 = s[o], x1 = s[o + 1], x2 = s[o + 2], x3 = s[o + 3], x4 = s[o + 4], x5 = s[o + 5], x6 = s[o + 6], x7 = s[o + 7];
        uint x8 = s[o + 8], x9 = s[o + 9], x10 = s[o + 10], x11 = s[o + 11], x12 = s[o + 12], x13 = s[o + 13], x14 = s[o + 14], x15 = s[o + 15];
        uint t;
        for (var round = 0; round < 8; round += 2)
        {
            // Columns.
            t = x0 + x12; x4 ^= (t << 7) | (t >> 25); t = x4 + x0; x8 ^= (t << 9) | (t >> 23);
            t = x8 + x4; x12 ^= (t << 13) | (t >> 19); t = x12 + x8; x0 ^= (t << 18) | (t >> 14);
            t = x5 + x1; x9 ^= (t << 7) | (t >> 25); t = x9 + x5; x13 ^= (t << 9) | (t >> 23);
            t = x13 + x9; x1 ^= (t << 13) | (t >> 19); t = x1 + x13; x5 ^= (t << 18) | (t >> 14);
            t = x10 + x6; x14 ^= (t << 7) | (t >> 25); t = x14 + x10; x2 ^= (t << 9) | (t >> 23);
            t = x2 + x14; x6 ^= (t << 13) | (t >> 19); t = x6 + x2; x10 ^= (t << 18) | (t >> 14);
            t = x15 + x11; x3 ^= (t << 7) | (t >> 25); t = x3 + x15; x7 ^= (t << 9) | (t >> 23);
            t = x7 + x3; x11 ^= (t << 13) | (t >> 19); t = x11 + x7; x15 ^= (t << 18) | (t >> 14);

            // Rows.
            t = x0 + x3; x1 ^= (t << 7) | (t >> 25); t = x1 + x0; x2 ^= (t << 9) | (t >> 23);
            t = x2 + x1; x3 ^= (t << 13) | (t >> 19); t = x3 + x2; x0 ^= (t << 18) | (t >> 14);
            t = x5 + x4; x6 ^= (t << 7) | (t >> 25); t = x6 + x5; x7 ^= (t << 9) | (t >> 23);
            t = x7 + x6; x4 ^= (t << 13) | (t >> 19); t = x4 + x7; x5 ^= (t << 18) | (t >> 14);
            t = x10 + x9; x11 ^= (t << 7) | (t >> 25); t = x11 + x10; x8 ^= (t << 9) | (t >> 23);
            t = x8 + x11; x9 ^= (t << 13) | (t >> 19); t = x9 + x8; x10 ^= (t << 18) | (t >> 14);
            t = x15 + x14; x12 ^= (t << 7) | (t >> 25); t = x12 + x15; x13 ^= (t << 9) | (t >> 23);
            t = x13 + x12; x14 ^= (t << 13) | (t >> 19); t = x14 + x13; x15 ^= (t << 18) | (t >> 14);
        }

        s[o] += x0; s[o + 1] += x1; s[o + 2] += x2; s[o + 3] += x3; s[o + 4] += x4; s[o + 5] += x5; s[o + 6] += x6; s[o + 7] += x7;
        s[o + 8] += x8; s[o + 9] += x9; s[o + 10] += x10; s[o + 11] += x11; s[o + 12] += x12; s[o + 13] += x13; s[o + 14] += x14; s[o + 15] += x15;
    }
}
