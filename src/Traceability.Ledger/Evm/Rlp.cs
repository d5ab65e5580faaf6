namespace Traceability.Ledger.Evm;

/// <summary>Recursive Length Prefix encoding. Decoding accepts only the canonical encoding.</summary>
public static class Rlp
{
    /// <summary>Lists nested deeper than this are rejected, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 256;

    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var output = new byte[EncodedLength(item)];
        var written = Write(item, output);
        System.Diagnostics.Debug.Assert(written == output.Length);
        return output;
    }

    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        var position = 0;
        var item = DecodeItem(encoded, ref position, depth: 0);
        if (position != encoded.Length)
        {
            throw new FormatException($"RLP has {encoded.Length - position} trailing bytes after the item.");
        }

        return item;
    }

    private static int EncodedLength(RlpItem item)
    {
        switch (item)
        {
            case RlpString { Bytes: [< 0x80] }:
                return 1;
            case RlpString s:
                return HeaderLength(s.Bytes.Length) + s.Bytes.Length;
            case RlpList list:
                var payload = PayloadLength(list);
                return HeaderLength(payload) + payload;
            default:
                throw new ArgumentException($"Unknown RLP item type {item.GetType().Name}.", nameof(item));
        }
    }

    private static int PayloadLength(RlpList list)
    {
        var total = 0;
        foreach (var child in list.Items)
        {
            total = checked(total + EncodedLength(child));
        }

        return total;
    }

    private static int HeaderLength(int payloadLength) => payloadLength < 56 ? 1 : 1 + LengthOfLength(payloadLength);

    private static int LengthOfLength(int length)
    {
        var bytes = 0;
        for (var rest = length; rest > 0; rest >>= 8)
        {
            bytes++;
        }

        return bytes;
    }

    private static int Write(RlpItem item, Span<byte> output)
    {
        switch (item)
        {
            case RlpString { Bytes: [< 0x80 and var single] }:
                output[0] = single;
                return 1;
            case RlpString s:
                var header = WriteHeader(0x80, s.Bytes.Length, output);
                s.Bytes.CopyTo(output[header..]);
                return header + s.Bytes.Length;
            case RlpList list:
                var written = WriteHeader(0xc0, PayloadLength(list), output);
                foreach (var child in list.Items)
                {
                    written += Write(child, output[written..]);
                }

                return written;
            default:
                throw new ArgumentException($"Unknown RLP item type {item.GetType().Name}.", nameof(item));
        }
    }

    private static int WriteHeader(byte offset, int payloadLength, Span<byte> output)
    {
        if (payloadLength < 56)
        {
            output[0] = (byte)(offset + payloadLength);
            return 1;
        }

        var lengthOfLength = LengthOfLength(payloadLength);
        output[0] = (byte)(offset + 55 + lengthOfLength);
        for (var i = lengthOfLength; i > 0; i--)
        {
            output[i] = (byte)(payloadLength >> (8 * (lengthOfLength - i)));
        }

        return 1 + lengthOfLength;
    }

    private static RlpItem DecodeItem(ReadOnlySpan<byte> input, ref int position, int depth)
    {
        if (position >= input.Length)
        {
            throw new FormatException("RLP input ended where an item was expected.");
        }

        var prefix = input[position];
        if (prefix < 0x80)
        {
            position++;
            return new RlpString([prefix]);
        }

        var isList = prefix >= 0xc0;
        var (headerLength, payloadLength) = ReadHeader(input, position, isList ? (byte)0xc0 : (byte)0x80);
        var payloadStart = position + headerLength;
        if (payloadLength > input.Length - payloadStart)
        {
            throw new FormatException($"RLP item claims {payloadLength} bytes but only {input.Length - payloadStart} remain.");
        }

        var payload = input.Slice(payloadStart, payloadLength);
        position = payloadStart + payloadLength;
        if (!isList)
        {
            if (payloadLength == 1 && payload[0] < 0x80)
            {
                throw new FormatException("Non-canonical RLP: a single byte below 0x80 must encode as itself.");
            }

            return new RlpString(payload.ToArray());
        }

        if (depth >= MaxDepth)
        {
            throw new FormatException($"RLP lists nest deeper than {MaxDepth}.");
        }

        var items = new List<RlpItem>();
        var inner = 0;
        while (inner < payload.Length)
        {
            items.Add(DecodeItem(payload, ref inner, depth + 1));
        }

        return new RlpList(items);
    }

    private static (int HeaderLength, int PayloadLength) ReadHeader(ReadOnlySpan<byte> input, int position, byte offset)
    {
        var shortForm = input[position] - offset;
        if (shortForm <= 55)
        {
            return (1, shortForm);
        }

        var lengthOfLength = shortForm - 55;
        if (lengthOfLength > input.Length - position - 1)
        {
            throw new FormatException("RLP input ended inside a length prefix.");
        }

        var lengthBytes = input.Slice(position + 1, lengthOfLength);
        if (lengthBytes[0] == 0)
        {
            throw new FormatException("Non-canonical RLP: length prefix has a leading zero.");
        }

        if (lengthOfLength > 4)
        {
            throw new FormatException("RLP length does not fit in 32 bits.");
        }

        long length = 0;
        foreach (var b in lengthBytes)
        {
            length = (length << 8) | b;
        }

        if (length < 56)
        {
            throw new FormatException("Non-canonical RLP: a length below 56 must use the short form.");
        }

        if (length > int.MaxValue)
        {
            throw new FormatException("RLP length does not fit in 32 bits.");
        }

        return (1 + lengthOfLength, (int)length);
    }
}
