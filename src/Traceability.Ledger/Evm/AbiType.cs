using System.Globalization;

namespace Traceability.Ledger.Evm;

/// <summary>One ABI type (address, uint64, bytes32[], ...): how its values encode and decode.</summary>
internal abstract class AbiType
{
    /// <summary>Fixed-size arrays longer than this are refused, which keeps static sizes small and overflow-free.</summary>
    private const int MaxFixedArrayLength = 4096;

    /// <summary>Static values larger than this (nested fixed arrays) are refused before any size could overflow.</summary>
    private const int MaxStaticSize = 1 << 20;

    /// <summary>The canonical name used in signatures (uint is written uint256).</summary>
    public abstract string Name { get; }

    /// <summary>Dynamic types are stored behind an offset in the tail of a tuple.</summary>
    public abstract bool IsDynamic { get; }

    /// <summary>Size of a static value in bytes; dynamic types occupy one 32-byte offset word in a head.</summary>
    public virtual int HeadSize => 32;

    /// <summary>Indexed event parameters of these types are stored as the keccak hash of their value.</summary>
    public virtual bool IsHashedWhenIndexed => IsDynamic;

    /// <summary>The full encoding of a value: in place for static types, the tail content for dynamic ones.</summary>
    public abstract byte[] Encode(object? value);

    /// <summary>Decodes the value at <paramref name="offset"/> (for dynamic types: where its content starts).</summary>
    public abstract object Decode(AbiReader reader, int offset);

    public override string ToString() => Name;

    public static AbiType Parse(string text)
    {
        var type = text.Trim();
        if (type.EndsWith(']'))
        {
            var open = type.LastIndexOf('[');
            if (open <= 0)
            {
                throw new FormatException($"ABI type '{text}' has an unmatched ']'.");
            }

            var element = Parse(type[..open]);
            var size = type[(open + 1)..^1];
            if (size.Length == 0)
            {
                return new AbiArrayType(element, null);
            }

            if (!IsCanonicalNumber(size, out var length) || length < 1 || length > MaxFixedArrayLength)
            {
                throw new FormatException($"ABI type '{text}' has an invalid array length '{size}'.");
            }

            if (!element.IsDynamic && (long)length * element.HeadSize > MaxStaticSize)
            {
                throw new FormatException($"ABI type '{text}' is too large.");
            }

            return new AbiArrayType(element, length);
        }

        switch (type)
        {
            case "address": return AbiAddressType.Instance;
            case "bool": return AbiBoolType.Instance;
            case "string": return AbiStringType.Instance;
            case "bytes": return AbiBytesType.Instance;
            case "uint": return new AbiIntegerType(256, signed: false);
            case "int": return new AbiIntegerType(256, signed: true);
        }

        if (type.StartsWith("uint", StringComparison.Ordinal) && IsIntegerWidth(type[4..], out var uintBits))
        {
            return new AbiIntegerType(uintBits, signed: false);
        }

        if (type.StartsWith("int", StringComparison.Ordinal) && IsIntegerWidth(type[3..], out var intBits))
        {
            return new AbiIntegerType(intBits, signed: true);
        }

        if (type.StartsWith("bytes", StringComparison.Ordinal) && IsCanonicalNumber(type[5..], out var n) && n is >= 1 and <= 32)
        {
            return new AbiFixedBytesType(n);
        }

        if (type.StartsWith('(') || type.StartsWith("tuple", StringComparison.Ordinal))
        {
            throw new FormatException($"ABI tuple types are not supported ('{text}').");
        }

        throw new FormatException($"'{text}' is not a supported ABI type.");
    }

    private static bool IsIntegerWidth(string digits, out int bits) =>
        IsCanonicalNumber(digits, out bits) && bits is >= 8 and <= 256 && bits % 8 == 0;

    private static bool IsCanonicalNumber(string digits, out int value)
    {
        value = 0;
        return digits.Length is > 0 and <= 9
            && digits[0] != '0'
            && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
