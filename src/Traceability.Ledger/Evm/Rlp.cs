using Nethereum.RLP;
using NethereumRlp = Nethereum.RLP.RLP;

namespace Traceability.Ledger.Evm;

/// <summary>
/// Recursive Length Prefix encoding by Nethereum's <see cref="NethereumRlp"/>. Its decoder trusts its input
/// (lengths are not checked against the data, nesting is unbounded, non-canonical forms are accepted), so
/// <see cref="Decode"/> first walks the headers to bound them, then accepts only what re-encodes to the same bytes.
/// </summary>
public static class Rlp
{
    /// <summary>Lists nested deeper than this are rejected, so hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 256;

    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item switch
        {
            RlpString s => NethereumRlp.EncodeElement(s.Bytes),
            RlpList list => NethereumRlp.EncodeList(list.Items.Select(Encode).ToArray()),
            _ => throw new ArgumentException($"Unknown RLP item type {item.GetType().Name}.", nameof(item)),
        };
    }

    /// <summary>Decodes exactly one item; anything but its canonical encoding is a <see cref="FormatException"/>.</summary>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            throw new FormatException("RLP input ended where an item was expected.");
        }

        CheckBounds(encoded);
        var bytes = encoded.ToArray();
        IRLPElement element;
        try
        {
            element = NethereumRlp.Decode(bytes);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException($"Invalid RLP: {ex.Message}", ex);
        }

        var item = FromNethereum(element);
        if (!Encode(item).AsSpan().SequenceEqual(bytes))
        {
            throw new FormatException("RLP is not in canonical form (or has trailing bytes after the item).");
        }

        return item;
    }

    private static RlpItem FromNethereum(IRLPElement element) => element switch
    {
        RLPCollection list => new RlpList(list.Select(FromNethereum).ToList()),
        _ => new RlpString(element.RLPData ?? []),
    };

    /// <summary>
    /// Walks every header without decoding: each item must fit inside its enclosing list (or the input),
    /// lengths must fit 32 bits and lists may nest at most <see cref="MaxDepth"/> deep.
    /// </summary>
    private static void CheckBounds(ReadOnlySpan<byte> input)
    {
        var listEnds = new Stack<int>();
        var position = 0;
        while (position < input.Length)
        {
            while (listEnds.TryPeek(out var end) && position == end)
            {
                listEnds.Pop();
            }

            var limit = listEnds.TryPeek(out var enclosing) ? enclosing : input.Length;
            var (headerLength, payloadLength, isList) = ReadHeader(input, position);
            if ((long)position + headerLength + payloadLength > limit)
            {
                throw new FormatException($"RLP item at byte {position} claims {payloadLength} bytes but only {limit - position - headerLength} remain.");
            }

            if (!isList)
            {
                position += headerLength + payloadLength;
                continue;
            }

            if (listEnds.Count >= MaxDepth)
            {
                throw new FormatException($"RLP lists nest deeper than {MaxDepth}.");
            }

            listEnds.Push(position + headerLength + payloadLength);
            position += headerLength;
        }
    }

    private static (int HeaderLength, int PayloadLength, bool IsList) ReadHeader(ReadOnlySpan<byte> input, int position)
    {
        var prefix = input[position];
        if (prefix < 0x80)
        {
            return (0, 1, false);
        }

        var isList = prefix >= 0xc0;
        var shortForm = prefix - (isList ? 0xc0 : 0x80);
        if (shortForm <= 55)
        {
            return (1, shortForm, isList);
        }

        var lengthOfLength = shortForm - 55;
        if (lengthOfLength > 4)
        {
            throw new FormatException("RLP length does not fit in 32 bits.");
        }

        if (lengthOfLength > input.Length - position - 1)
        {
            throw new FormatException("RLP input ended inside a length prefix.");
        }

        long length = 0;
        foreach (var b in input.Slice(position + 1, lengthOfLength))
        {
            length = (length << 8) | b;
        }

        return length <= int.MaxValue
            ? (1 + lengthOfLength, (int)length, isList)
            : throw new FormatException("RLP length does not fit in 32 bits.");
    }
}
