using System.Numerics;

namespace Traceability.Ledger.Evm;

/// <summary>Conversions between CLR values and 32-byte ABI words.</summary>
internal static class AbiValues
{
    public static BigInteger ToBigInteger(object? value, string typeName) => value switch
    {
        BigInteger b => b,
        int i => i,
        long l => l,
        uint u => u,
        ulong u => u,
        short s => s,
        ushort u => u,
        byte b => b,
        sbyte s => s,
        Int128 i => i,
        UInt128 u => u,
        _ => throw WrongType(value, typeName, "an integer (BigInteger, int, long, uint, ulong, ...)"),
    };

    /// <summary>A non-negative integer below 2^256 as a big-endian word.</summary>
    public static byte[] Word(BigInteger value)
    {
        var length = value.Sign < 0 ? int.MaxValue : value.GetByteCount(isUnsigned: true);
        if (length > 32)
        {
            throw new ArgumentException($"{value} does not fit in an unsigned 32-byte word.");
        }

        var word = new byte[32];
        value.TryWriteBytes(word.AsSpan(32 - length), out _, isUnsigned: true, isBigEndian: true);
        return word;
    }

    public static int PaddedLength(int length) => (length + 31) / 32 * 32;

    public static ArgumentException WrongType(object? value, string typeName, string expected) =>
        new($"{typeName} expects {expected}, not {(value is null ? "null" : value.GetType().Name)}.");
}
