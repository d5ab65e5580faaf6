namespace Traceability.Ledger.Evm;

/// <summary>
/// The layout walk run before Nethereum decodes. Nethereum's decoder trusts the lengths it reads: a corrupted
/// <c>bytes32[]</c> length made it grow a list until the process ran out of memory. This walk reads the data as a
/// decoder would, refuses any offset or length that points past the end, and counts the words it reads; the one
/// canonical encoding reads each word once, so reading more words than the data holds means offsets share data
/// (work multiplied) and the data is refused too.
/// </summary>
internal sealed partial class AbiType
{
    private const int WordSize = 32;

    /// <summary>Checks the data of a tuple of <paramref name="types"/>, heads first, as a decoder reads it.</summary>
    public static void CheckLayout(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        var wordsLeft = (data.Length + WordSize - 1L) / WordSize;
        var head = 0L;
        foreach (var type in types)
        {
            type.CheckHead(data, 0, head, ref wordsLeft);
            head += type.HeadSize;
        }
    }

    /// <summary>The head of this value at <paramref name="head"/>, inside a tuple whose offsets count from <paramref name="tupleStart"/>.</summary>
    private void CheckHead(ReadOnlySpan<byte> data, long tupleStart, long head, ref long wordsLeft)
    {
        if (!IsDynamic)
        {
            CheckValue(data, head, ref wordsLeft);
            return;
        }
        Spend(1, ref wordsLeft);
        CheckValue(data, tupleStart + ReadSize(data, head, "offset"), ref wordsLeft);
    }

    private void CheckValue(ReadOnlySpan<byte> data, long position, ref long wordsLeft)
    {
        if (!IsDynamic)
        {
            Require(data, position, HeadSize, "value");
            Spend(HeadSize / WordSize, ref wordsLeft);
            return;
        }

        switch (_kind)
        {
            case Kind.Bytes or Kind.String:
            {
                var length = ReadSize(data, position, "length");
                var words = (length + WordSize - 1) / WordSize;
                Require(data, position + WordSize, words * WordSize, "content");
                Spend(1 + words, ref wordsLeft);
                return;
            }
            case Kind.Array when _size < 0: // T[]: a length word, then a tuple of that many elements
            {
                var count = ReadSize(data, position, "length");
                Spend(1, ref wordsLeft);
                CheckElements(data, position + WordSize, count, ref wordsLeft);
                return;
            }
            case Kind.Array: // T[k] of a dynamic T: a tuple of k elements in place
                CheckElements(data, position, _size, ref wordsLeft);
                return;
            default:
                throw new FormatException($"{Name} has no dynamic layout.");
        }
    }

    private void CheckElements(ReadOnlySpan<byte> data, long start, long count, ref long wordsLeft)
    {
        var element = _element!;
        // The heads alone must fit before any element is read: a length of 2^31 fails here, not after 2^31 reads.
        Require(data, start, count * element.HeadSize, "elements");
        for (var i = 0L; i < count; i++) element.CheckHead(data, start, start + i * element.HeadSize, ref wordsLeft);
    }

    /// <summary>An offset or length word: a non-negative number that fits an int, as no valid data can exceed that.</summary>
    private long ReadSize(ReadOnlySpan<byte> data, long position, string what)
    {
        Require(data, position, WordSize, what);
        var word = data.Slice((int)position, WordSize);
        if (word[..28].IndexOfAnyExcept((byte)0) >= 0 || (word[28] & 0x80) != 0)
            throw new FormatException($"ABI data for {Name} has an {what} word too large for any data.");
        return (long)word[28] << 24 | (long)word[29] << 16 | (long)word[30] << 8 | word[31];
    }

    private void Require(ReadOnlySpan<byte> data, long position, long length, string what)
    {
        if (position < 0 || length < 0 || position + length > data.Length)
            throw new FormatException($"ABI data for {Name} is shorter than its {what} needs ({position + length} bytes of {data.Length}).");
    }

    private void Spend(long words, ref long wordsLeft)
    {
        wordsLeft -= words;
        if (wordsLeft < 0)
            throw new FormatException($"ABI data for {Name} reads more words than it holds: offsets share data.");
    }
}
