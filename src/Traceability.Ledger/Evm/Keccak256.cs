using Org.BouncyCastle.Crypto.Digests;

namespace Traceability.Ledger.Evm;

/// <summary>Ethereum's Keccak-256: the original Keccak padding, not the FIPS-202 SHA3-256 one.</summary>
public static class Keccak256
{
    public const int Size = 32;

    // One digest per thread: construction costs more than hashing a transaction.
    [ThreadStatic] private static KeccakDigest? t_digest;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[Size];
        Hash(data, output);
        return output;
    }

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"Destination needs {Size} bytes.", nameof(destination));
        }

        var digest = t_digest ??= new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(destination); // DoFinal also resets the digest for the next caller.
    }
}
