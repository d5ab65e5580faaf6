using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using Nethereum.ABI.Model;

namespace Traceability.Ledger.Evm;

/// <summary>
/// One ABI type (address, uint64, bytes32[], ...). Nethereum encodes and decodes; this class is the strict edge
/// around it: type names follow the Solidity grammar (Nethereum takes uint7 or bytes0), values must have the CLR
/// shape and range of their type (Nethereum reads "12" as hex, or a byte[] as an address), and decoded values
/// come back as this library's types (EvmAddress, BigInteger, object[]).
/// </summary>
internal sealed partial class AbiType
{
    /// <summary>Fixed-size arrays longer than this are refused, which keeps static sizes small and overflow-free.</summary>
    private const int MaxFixedArrayLength = 4096;

    /// <summary>Static values larger than this (nested fixed arrays) are refused before any size could overflow.</summary>
    private const int MaxStaticSize = 1 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Kind _kind;
    private readonly int _size; // bits of an integer, bytes of bytesN, elements of T[k]
    private readonly AbiType? _element;
    private readonly BigInteger _min;
    private readonly BigInteger _max;

    private AbiType(Kind kind, string name, bool isDynamic, int headSize, int size = 0, bool signed = false, AbiType? element = null)
    {
        _kind = kind;
        Name = name;
        IsDynamic = isDynamic;
        HeadSize = headSize;
        _size = size;
        _element = element;
        if (kind == Kind.Integer)
        {
            _min = signed ? -(BigInteger.One << (size - 1)) : BigInteger.Zero;
            _max = signed ? (BigInteger.One << (size - 1)) - 1 : (BigInteger.One << size) - 1;
        }
    }

    private enum Kind
    {
        Integer,
        Address,
        Bool,
        FixedBytes,
        Bytes,
        String,
        Array,
    }

    /// <summary>The canonical name used in signatures (uint is written uint256).</summary>
    public string Name { get; }

    /// <summary>Dynamic types are stored behind an offset in the tail of a tuple.</summary>
    public bool IsDynamic { get; }

    /// <summary>Size of a static value in bytes; dynamic types occupy one 32-byte offset word in a head.</summary>
    public int HeadSize { get; }

    /// <summary>Indexed event parameters of these types are stored as the keccak hash of their value.</summary>
    public bool IsHashedWhenIndexed => IsDynamic || _kind == Kind.Array;

    public bool IsString => _kind == Kind.String;

    public bool IsBytes => _kind == Kind.Bytes;

    /// <summary>Nethereum's description of a parameter of this type.</summary>
    public Parameter ToParameter(int order, bool indexed = false) => new(Name, name: null, order) { Indexed = indexed };

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
                return new AbiType(Kind.Array, element.Name + "[]", isDynamic: true, headSize: 32, size: -1, element: element);
            }

            if (!IsCanonicalNumber(size, out var length) || length < 1 || length > MaxFixedArrayLength)
            {
                throw new FormatException($"ABI type '{text}' has an invalid array length '{size}'.");
            }

            if (!element.IsDynamic && (long)length * element.HeadSize > MaxStaticSize)
            {
                throw new FormatException($"ABI type '{text}' is too large.");
            }

            return new AbiType(
                Kind.Array, $"{element.Name}[{length}]", element.IsDynamic, element.IsDynamic ? 32 : length * element.HeadSize, length, element: element);
        }

        switch (type)
        {
            case "address": return new AbiType(Kind.Address, "address", false, 32);
            case "bool": return new AbiType(Kind.Bool, "bool", false, 32);
            case "string": return new AbiType(Kind.String, "string", true, 32);
            case "bytes": return new AbiType(Kind.Bytes, "bytes", true, 32);
            case "uint": return Integer(256, signed: false);
            case "int": return Integer(256, signed: true);
        }

        if (type.StartsWith("uint", StringComparison.Ordinal) && IsIntegerWidth(type[4..], out var uintBits))
        {
            return Integer(uintBits, signed: false);
        }

        if (type.StartsWith("int", StringComparison.Ordinal) && IsIntegerWidth(type[3..], out var intBits))
        {
            return Integer(intBits, signed: true);
        }

        if (type.StartsWith("bytes", StringComparison.Ordinal) && IsCanonicalNumber(type[5..], out var n) && n is >= 1 and <= 32)
        {
            return new AbiType(Kind.FixedBytes, "bytes" + n, false, 32, n);
        }

        if (type.StartsWith('(') || type.StartsWith("tuple", StringComparison.Ordinal))
        {
            throw new FormatException($"ABI tuple types are not supported ('{text}').");
        }

        throw new FormatException($"'{text}' is not a supported ABI type.");
    }

    /// <summary>Checks a CLR value against this type; returns it in the form Nethereum's encoder takes.</summary>
    public object ToNethereum(object? value)
    {
        switch (_kind)
        {
            case Kind.Integer:
                var number = ToBigInteger(value);
                return number >= _min && number <= _max ? number : throw new ArgumentException($"{number} is out of range for {Name}.");
            case Kind.Address:
                return value switch
                {
                    EvmAddress a => a.ToLowerHex(),
                    string s => EvmAddress.TryParse(s, out var parsed) ? parsed.ToLowerHex() : throw new ArgumentException($"'{s}' is not a valid address."),
                    _ => throw WrongType(value, "an EvmAddress"),
                };
            case Kind.Bool:
                return value as bool? ?? throw WrongType(value, "a bool");
            case Kind.FixedBytes:
                return value is not byte[] fixedBytes ? throw WrongType(value, "a byte[]")
                    : fixedBytes.Length == _size ? fixedBytes
                    : throw new ArgumentException($"{Name} needs exactly {_size} bytes, not {fixedBytes.Length}.");
            case Kind.Bytes:
                return value as byte[] ?? throw WrongType(value, "a byte[]");
            case Kind.String:
                return value is string text ? RequireValidUtf16(text) : throw WrongType(value, "a string");
            default:
                if (value is null or string || value is not IEnumerable sequence)
                {
                    throw WrongType(value, "a sequence of elements");
                }

                var items = sequence.Cast<object?>().ToList();
                if (_size > 0 && items.Count != _size)
                {
                    throw new ArgumentException($"{Name} needs exactly {_size} elements, not {items.Count}.");
                }

                return items.Select(_element!.ToNethereum).ToList();
        }
    }

    /// <summary>Turns what Nethereum's decoder returns into this library's values.</summary>
    public object FromNethereum(object? decoded) => (_kind, decoded) switch
    {
        (Kind.Integer, BigInteger number) => number,
        (Kind.Address, string address) => EvmAddress.FromBytes(Hex.Decode(address)),
        (Kind.Bool, bool flag) => flag,
        (Kind.FixedBytes or Kind.Bytes, byte[] bytes) => bytes,
        (Kind.String, string text) => text,
        (Kind.Array, IEnumerable items) => items.Cast<object?>().Select(_element!.FromNethereum).ToArray(),
        _ => throw new FormatException($"Nethereum decoded {Name} as {decoded?.GetType().Name ?? "null"}."),
    };

    private static AbiType Integer(int bits, bool signed) =>
        new(Kind.Integer, (signed ? "int" : "uint") + bits, false, 32, bits, signed);

    private static string RequireValidUtf16(string text)
    {
        try
        {
            _ = StrictUtf8.GetByteCount(text); // Nethereum would write a lone surrogate as U+FFFD
            return text;
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("The string is not valid UTF-16 (lone surrogate).", ex);
        }
    }

    private BigInteger ToBigInteger(object? value) => value switch
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
        _ => throw WrongType(value, "an integer (BigInteger, int, long, uint, ulong, ...)"),
    };

    private ArgumentException WrongType(object? value, string expected) =>
        new($"{Name} expects {expected}, not {(value is null ? "null" : value.GetType().Name)}.");

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
