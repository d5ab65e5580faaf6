using System.Collections;
using System.Text;

namespace Traceability.Ledger.Evm;

/// <summary>bytes: a length word, then the bytes zero-padded to a whole number of words.</summary>
internal class AbiBytesType : AbiType
{
    public static readonly AbiBytesType Instance = new();

    public override string Name => "bytes";

    public override bool IsDynamic => true;

    public override byte[] Encode(object? value) =>
        value is byte[] bytes ? EncodeBytes(bytes) : throw AbiValues.WrongType(value, Name, "a byte[]");

    public override object Decode(AbiReader reader, int offset) => DecodeBytes(reader, offset);

    protected static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        var output = new byte[32 + AbiValues.PaddedLength(bytes.Length)];
        AbiValues.Word(bytes.Length).CopyTo(output, 0);
        bytes.CopyTo(output.AsSpan(32));
        return output;
    }

    protected static byte[] DecodeBytes(AbiReader reader, int offset)
    {
        var length = reader.ReadSize(offset, "length");
        return reader.ReadBytes(offset + 32, length);
    }
}

/// <summary>string: encoded like bytes, as strict UTF-8.</summary>
internal sealed class AbiStringType : AbiBytesType
{
    public static new readonly AbiStringType Instance = new();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override string Name => "string";

    public override byte[] Encode(object? value)
    {
        if (value is not string text)
        {
            throw AbiValues.WrongType(value, Name, "a string");
        }

        try
        {
            return EncodeBytes(StrictUtf8.GetBytes(text));
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("The string is not valid UTF-16 (lone surrogate).", ex);
        }
    }

    public override object Decode(AbiReader reader, int offset)
    {
        try
        {
            return StrictUtf8.GetString(DecodeBytes(reader, offset));
        }
        catch (DecoderFallbackException ex)
        {
            throw new FormatException($"ABI string at byte {offset} is not valid UTF-8.", ex);
        }
    }
}

/// <summary>T[] (length word, then a tuple of elements) and T[k] (a tuple of exactly k elements).</summary>
internal sealed class AbiArrayType(AbiType element, int? fixedLength) : AbiType
{
    public override string Name { get; } = element.Name + (fixedLength is { } k ? $"[{k}]" : "[]");

    public override bool IsDynamic => fixedLength is null || element.IsDynamic;

    public override int HeadSize => IsDynamic ? 32 : fixedLength!.Value * element.HeadSize;

    public override bool IsHashedWhenIndexed => true;

    public override byte[] Encode(object? value)
    {
        if (value is null or string || value is not IEnumerable sequence)
        {
            throw AbiValues.WrongType(value, Name, "a sequence of elements");
        }

        var items = sequence.Cast<object?>().ToArray();
        if (fixedLength is { } k && items.Length != k)
        {
            throw new ArgumentException($"{Name} needs exactly {k} elements, not {items.Length}.");
        }

        var types = Enumerable.Repeat(element, items.Length).ToArray();
        var body = AbiTuple.Encode(types, items);
        return fixedLength is null ? [.. AbiValues.Word(items.Length), .. body] : body;
    }

    public override object Decode(AbiReader reader, int offset)
    {
        var count = fixedLength ?? reader.ReadSize(offset, "length");
        var start = fixedLength is null ? offset + 32 : offset;
        reader.EnsureRoomFor(start, count, element.HeadSize);
        return AbiTuple.Decode(Enumerable.Repeat(element, count).ToArray(), reader, start);
    }
}
