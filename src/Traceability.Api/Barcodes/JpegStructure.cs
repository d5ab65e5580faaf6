namespace Traceability.Api.Barcodes;

/// <summary>
/// Checks a JPEG's marker structure before StbImageSharp sees it. StbImageSharp 2.30.16 spins forever on a file that
/// ends inside a marker segment (five bytes, FF D8 FF E0 4B, are enough: it reads lengths past the end as zero and
/// never moves on), so a client could tie up a core with one request. Truncated or damaged entropy-coded data, on the
/// other hand, it decodes or rejects promptly (tested), so that part is only skipped over here.
/// </summary>
internal static class JpegStructure
{
    private const byte Marker = 0xFF, Soi = 0xD8, Eoi = 0xD9, Sos = 0xDA;

    /// <summary>
    /// Whether the file is SOI, then marker segments each wholly inside the file, a baseline, extended or progressive
    /// frame header (SOF0 to SOF2, what stb decodes) before the first scan, and at least one scan header. Scan data may
    /// be cut short.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> file)
    {
        if (file.Length < 4 || file[0] != Marker || file[1] != Soi)
            return false;
        bool frame = false, scan = false;
        var position = 2;
        while (position < file.Length)
        {
            if (file[position] != Marker)
                return false;
            // Fill bytes: any number of FF before the marker code.
            while (position < file.Length && file[position] == Marker)
                position++;
            if (position >= file.Length)
                return false;
            var code = file[position++];
            if (code == Eoi)
                return frame && scan;
            if (code is Soi or 0x00)
                return false;
            if (code is 0x01 or (>= 0xD0 and <= 0xD7))
                continue; // TEM and restart markers have no length
            if (position + 2 > file.Length)
                return false;
            var length = file[position] << 8 | file[position + 1];
            if (length < 2 || position + length > file.Length)
                return false;
            if (code is 0xC0 or 0xC1 or 0xC2)
                frame = true;
            else if (code is >= 0xC3 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return false; // lossless, hierarchical and arithmetic-coded frames: stb does not decode them
            position += length;
            if (code != Sos)
                continue;
            if (!frame)
                return false;
            scan = true;
            // Entropy-coded data runs to the next marker that is neither a stuffed zero nor a restart marker.
            while (position + 1 < file.Length && !(file[position] == Marker && file[position + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
                position++;
            if (position + 1 >= file.Length)
                return true; // the data is cut short: stb copes with that
        }
        return frame && scan;
    }
}
