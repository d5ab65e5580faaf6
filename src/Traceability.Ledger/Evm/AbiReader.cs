namespace Traceability.Ledger.Evm;

/// <summary>
/// Bounds-checked access to ABI data. Every malformed read becomes a <see cref="FormatException"/>,
/// and a read budget stops crafted offsets that point back at the same bytes from multiplying work.
/// </summary>
internal sealed class AbiReader
{
    private readonly byte[] _data;
    private long _wordsLeft;

    public AbiReader(ReadOnlySpan<byte> data)
    {
        _data = data.ToArray();
        // A canonical encoding is read exactly once; twice that plus slack is ample for honest data.
        _wordsLeft = 2L * (_data.Length / 32) + 16;
    }

    public int Length => _data.Length;

    public ReadOnlySpan<byte> ReadWord(int offset)
    {
        Charge(1);
        return Slice(offset, 32, "word");
    }

    /// <summary>Reads a word that must be a small non-negative integer: a length or an offset.</summary>
    public int ReadSize(int offset, string what)
    {
        var word = ReadWord(offset);
        if (word[..28].ContainsAnyExcept((byte)0) || word[28] >= 0x80)
        {
            throw new FormatException($"ABI {what} at byte {offset} is larger than the data.");
        }

        var value = (word[28] << 24) | (word[29] << 16) | (word[30] << 8) | word[31];
        if (value > _data.Length)
        {
            throw new FormatException($"ABI {what} {value} at byte {offset} exceeds the {_data.Length}-byte data.");
        }

        return value;
    }

    /// <summary>Follows a dynamic value's offset, relative to the tuple that holds it.</summary>
    public int ReadPointer(int headOffset, int tupleStart)
    {
        var target = (long)tupleStart + ReadSize(headOffset, "offset");
        if (target > _data.Length)
        {
            throw new FormatException($"ABI offset at byte {headOffset} points past the end of the data.");
        }

        return (int)target;
    }

    public byte[] ReadBytes(int offset, int count)
    {
        Charge((count + 31) / 32);
        return Slice(offset, count, "byte string").ToArray();
    }

    /// <summary>Rejects element counts that could not possibly fit in the remaining data.</summary>
    public void EnsureRoomFor(int start, long count, int bytesEach)
    {
        if (count * Math.Max(bytesEach, 1) > _data.Length - (long)start)
        {
            throw new FormatException($"ABI array of {count} elements at byte {start} does not fit in the data.");
        }
    }

    private ReadOnlySpan<byte> Slice(int offset, int count, string what)
    {
        if (offset < 0 || count < 0 || (long)offset + count > _data.Length)
        {
            throw new FormatException($"ABI data ends before the {count}-byte {what} at byte {offset}.");
        }

        return _data.AsSpan(offset, count);
    }

    private void Charge(long words)
    {
        _wordsLeft -= Math.Max(words, 1);
        if (_wordsLeft < 0)
        {
            throw new FormatException("ABI data reuses the same bytes too often to be a genuine encoding.");
        }
    }
}
