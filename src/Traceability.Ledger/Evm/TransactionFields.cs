using System.Numerics;

namespace Traceability.Ledger.Evm;

/// <summary>Validation and RLP conversion shared by the transaction types.</summary>
internal static class TransactionFields
{
    private static readonly BigInteger Max256 = (BigInteger.One << 256) - 1;

    public static BigInteger UInt256(BigInteger value, string name) =>
        value.Sign >= 0 && value <= Max256 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be in [0, 2^256).");

    public static RlpString Scalar(byte[] bigEndian32)
    {
        var start = 0;
        while (start < bigEndian32.Length && bigEndian32[start] == 0)
        {
            start++;
        }

        return RlpItem.FromBytes(bigEndian32.AsSpan(start));
    }

    /// <summary>A canonical RLP integer (no leading zeros) of at most 32 bytes, left-padded to 32.</summary>
    public static byte[] To32(RlpString scalar)
    {
        _ = scalar.ToBigInteger(); // rejects leading zero bytes
        if (scalar.Bytes.Length > 32)
        {
            throw new FormatException("Signature scalar is longer than 32 bytes.");
        }

        var bytes = new byte[32];
        scalar.Bytes.CopyTo(bytes, 32 - scalar.Bytes.Length);
        return bytes;
    }

    public static RlpString Field(RlpList list, int index) =>
        list.Items[index] as RlpString ?? throw new FormatException($"Transaction field {index} must be a string, not a list.");

    public static bool BytesEqual(byte[] left, byte[] right) => left.AsSpan().SequenceEqual(right);

    public static int BytesHash(byte[] bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
