using System.Numerics;

namespace Traceability.Ledger.Evm;

/// <summary>uintN / intN, N a multiple of 8 up to 256. Values decode as <see cref="BigInteger"/>.</summary>
internal sealed class AbiIntegerType(int bits, bool signed) : AbiType
{
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    private readonly BigInteger _min = signed ? -(BigInteger.One << (bits - 1)) : BigInteger.Zero;
    private readonly BigInteger _max = signed ? (BigInteger.One << (bits - 1)) - 1 : (BigInteger.One << bits) - 1;

    public override string Name { get; } = (signed ? "int" : "uint") + bits;

    public override bool IsDynamic => false;

    public override byte[] Encode(object? value)
    {
        var number = AbiValues.ToBigInteger(value, Name);
        if (number < _min || number > _max)
        {
            throw new ArgumentException($"{number} is out of range for {Name}.");
        }

        return AbiValues.Word(number.Sign < 0 ? number + TwoTo256 : number);
    }

    public override object Decode(AbiReader reader, int offset)
    {
        var word = reader.ReadWord(offset);
        var number = signed
            ? new BigInteger(word, isUnsigned: false, isBigEndian: true)
            : new BigInteger(word, isUnsigned: true, isBigEndian: true);
        if (number < _min || number > _max)
        {
            throw new FormatException($"ABI word at byte {offset} is out of range for {Name}.");
        }

        return number;
    }
}

internal sealed class AbiAddressType : AbiType
{
    public static readonly AbiAddressType Instance = new();

    public override string Name => "address";

    public override bool IsDynamic => false;

    public override byte[] Encode(object? value)
    {
        var address = value switch
        {
            EvmAddress a => a,
            string s => EvmAddress.TryParse(s, out var parsed)
                ? parsed
                : throw new ArgumentException($"'{s}' is not a valid address."),
            _ => throw AbiValues.WrongType(value, Name, "an EvmAddress"),
        };
        var word = new byte[32];
        address.CopyTo(word.AsSpan(12));
        return word;
    }

    public override object Decode(AbiReader reader, int offset)
    {
        var word = reader.ReadWord(offset);
        if (word[..12].ContainsAnyExcept((byte)0))
        {
            throw new FormatException($"ABI word at byte {offset} is not an address: its top 12 bytes are not zero.");
        }

        return EvmAddress.FromBytes(word[12..]);
    }
}

internal sealed class AbiBoolType : AbiType
{
    public static readonly AbiBoolType Instance = new();

    public override string Name => "bool";

    public override bool IsDynamic => false;

    public override byte[] Encode(object? value) =>
        value is bool b ? AbiValues.Word(b ? BigInteger.One : BigInteger.Zero) : throw AbiValues.WrongType(value, Name, "a bool");

    public override object Decode(AbiReader reader, int offset)
    {
        var word = reader.ReadWord(offset);
        if (word[..31].ContainsAnyExcept((byte)0) || word[31] > 1)
        {
            throw new FormatException($"ABI word at byte {offset} is not a bool (0 or 1).");
        }

        return word[31] == 1;
    }
}

/// <summary>bytes1..bytes32: exactly N bytes, left-aligned and zero-padded.</summary>
internal sealed class AbiFixedBytesType(int size) : AbiType
{
    public override string Name { get; } = "bytes" + size;

    public override bool IsDynamic => false;

    public override byte[] Encode(object? value)
    {
        if (value is not byte[] bytes)
        {
            throw AbiValues.WrongType(value, Name, "a byte[]");
        }

        if (bytes.Length != size)
        {
            throw new ArgumentException($"{Name} needs exactly {size} bytes, not {bytes.Length}.");
        }

        var word = new byte[32];
        bytes.CopyTo(word, 0);
        return word;
    }

    public override object Decode(AbiReader reader, int offset)
    {
        var word = reader.ReadWord(offset);
        if (word[size..].ContainsAnyExcept((byte)0))
        {
            throw new FormatException($"ABI word at byte {offset} has non-zero padding after its {size} bytes.");
        }

        return word[..size].ToArray();
    }
}
