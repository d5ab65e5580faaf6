using Nethereum.Util;

namespace Traceability.Ledger.Evm;

/// <summary>Ethereum's Keccak-256 (the original Keccak padding, not FIPS-202 SHA3-256), computed by Nethereum.</summary>
public static class Keccak256
{
    public const int Size = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data) => Sha3Keccack.Current.CalculateHash(data.ToArray());

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"Destination needs {Size} bytes.", nameof(destination));
        }

        Hash(data).CopyTo(destination);
    }
}
