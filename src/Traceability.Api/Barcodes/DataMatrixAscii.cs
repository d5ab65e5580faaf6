using ZXing.Datamatrix.Encoder;

namespace Traceability.Api.Barcodes;

/// <summary>
/// The parts of a DataMatrix ECC 200 symbol written by hand (see <see cref="Gs1Symbols"/> for why): the data
/// codewords in ASCII encodation with FNC1, their padding, and the finder and timing patterns around each data region.
/// </summary>
/// <remarks>
/// ASCII encodation is what GS1 data needs: element strings are mostly digits, which it packs two to a codeword, and
/// FNC1 is one codeword (232) wherever it stands. Only C40/Text would save codewords on long alphabetic lots.
/// </remarks>
internal static class DataMatrixAscii
{
    private const int Fnc1 = 232, FirstPad = 129, DigitPairBase = 130;

    /// <summary>FNC1 first (GS1 DataMatrix, ]d2), then the data; GS in the data is a separating FNC1.</summary>
    public static List<int> Codewords(string data)
    {
        var codewords = new List<int>(data.Length + 8) { Fnc1 };
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            if (char.IsAsciiDigit(c) && i + 1 < data.Length && char.IsAsciiDigit(data[i + 1]))
            {
                codewords.Add(DigitPairBase + (c - '0') * 10 + (data[i + 1] - '0'));
                i++;
            }
            else if (c == '\u001d')
                codewords.Add(Fnc1);
            else if (c is > '\0' and < '\u0080')
                codewords.Add(c + 1);
            else
                throw new ArgumentException($"character U+{(int)c:X4} is not in GS1 element strings", nameof(data));
        }
        return codewords;
    }

    /// <summary>ISO/IEC 16022 §5.2.3: pad to the symbol's capacity, 129 first, then 129 randomised by the 253-state algorithm.</summary>
    public static void Pad(List<int> codewords, int capacity)
    {
        if (codewords.Count < capacity)
            codewords.Add(FirstPad);
        while (codewords.Count < capacity)
        {
            var position = codewords.Count + 1;
            var value = FirstPad + 149 * position % 253 + 1;
            codewords.Add(value <= 254 ? value : value - 254);
        }
    }

    /// <summary>
    /// Module (x, y) of the symbol, quiet zone excluded. Each data region of <paramref name="regionWidth"/> ×
    /// <paramref name="regionHeight"/> modules is framed by a solid "L" on its left and bottom and alternating modules
    /// on its top (dark at even x) and right (dark at odd y), ISO/IEC 16022 §5.3, §5.5.
    /// </summary>
    public static bool IsDark(DefaultPlacement placement, int regionWidth, int regionHeight, int x, int y)
    {
        int column = x / (regionWidth + 2), row = y / (regionHeight + 2);
        int inX = x % (regionWidth + 2), inY = y % (regionHeight + 2);
        if (inX == 0 || inY == regionHeight + 1)
            return true;
        if (inY == 0)
            return x % 2 == 0;
        if (inX == regionWidth + 1)
            return y % 2 == 1;
        return placement.getBit(column * regionWidth + inX - 1, row * regionHeight + inY - 1);
    }
}
