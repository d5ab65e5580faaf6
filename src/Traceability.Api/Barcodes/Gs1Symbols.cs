using Traceability.Domain.Gs1;
using ZXing;
using ZXing.Common;
using ZXing.Datamatrix.Encoder;
using ZXing.OneD;

namespace Traceability.Api.Barcodes;

/// <summary>
/// GS1 DataMatrix and GS1-128 symbols of an element string, encoded by ZXing.Net; quiet zones are added here.
/// </summary>
/// <remarks>
/// Measured with ZXing.Net 0.16.11 and checked by dmtxread and zbarimg. Code 128 with GS1_FORMAT starts with FNC1 (]C1)
/// and takes 'ñ' (U+00F1) for a separating FNC1. Its DataMatrix writer is not used whole: only DATA_MATRIX_COMPACT
/// (its "minimal" encoder) writes FNC1 at all, and that encoder gets EDIFACT's end of data wrong: of 10,000 random
/// pack element strings (set-82 lots of 1 to 20 characters) 928 gave symbols that libdmtx and ZXing itself read with
/// junk appended (lot "DM-DATES-1" after dates read back as "DM-DATES-1 YX-") or not at all. So the data codewords
/// are written here in ASCII encodation (<see cref="DataMatrixAscii"/>), and ZXing adds the Reed-Solomon codewords and
/// places the modules.
/// </remarks>
internal static class Gs1Symbols
{
    /// <summary>ISO/IEC 16022 asks one module; two survive a label printer's bleed and a photo's blur.</summary>
    public const int DataMatrixQuietZone = 2;

    /// <summary>GS1 General Specifications §5.4.4.4: ten modules left and right of a GS1-128 symbol.</summary>
    public const int LinearQuietZone = 10;

    /// <summary>
    /// Bar height in modules: 64 gives 32 mm at the GS1 logistic label's smallest X of 0.495 mm (the specification
    /// asks at least 31.75 mm there). The PNG keeps that proportion.
    /// </summary>
    public const int LinearBarHeight = 64;

    /// <summary>What ZXing's Code 128 writer reads as FNC1.</summary>
    private const char Code128Fnc1 = '\u00f1';

    public static ModuleGrid DataMatrix(Gs1ElementString elements)
    {
        var codewords = DataMatrixAscii.Codewords(elements.ToBarcodeData(Gs1ElementString.GroupSeparator));
        var symbol = SymbolInfo.lookup(codewords.Count, SymbolShapeHint.FORCE_SQUARE);
        DataMatrixAscii.Pad(codewords, symbol.getCodewordCount() - symbol.getInterleavedBlockCount() * symbol.getErrorLengthForInterleavedBlock(1));
        // Reed-Solomon and module placement (ISO/IEC 16022 §5.7, §5.8) are ZXing's.
        var placement = new DefaultPlacement(ErrorCorrection.encodeECC200(new string([.. codewords.Select(c => (char)c)]), symbol),
            symbol.getSymbolDataWidth(), symbol.getSymbolDataHeight());
        placement.place();

        var size = symbol.getSymbolWidth() + 2 * DataMatrixQuietZone;
        var dark = new bool[size][];
        for (var y = 0; y < size; y++)
        {
            dark[y] = new bool[size];
            for (var x = 0; x < size; x++)
            {
                int sx = x - DataMatrixQuietZone, sy = y - DataMatrixQuietZone;
                dark[y][x] = sx >= 0 && sy >= 0 && sx < symbol.getSymbolWidth() && sy < symbol.getSymbolHeight()
                    && DataMatrixAscii.IsDark(placement, symbol.matrixWidth, symbol.matrixHeight, sx, sy);
            }
        }
        return new ModuleGrid(dark);
    }

    public static ModuleGrid Gs1_128(Gs1ElementString elements)
    {
        var row = new Code128Writer().encode(elements.ToBarcodeData(Code128Fnc1), BarcodeFormat.CODE_128, 0, 0,
            new Dictionary<EncodeHintType, object> { [EncodeHintType.GS1_FORMAT] = true, [EncodeHintType.MARGIN] = 0 });
        return Pad(row, LinearQuietZone, 0, LinearBarHeight);
    }

    /// <summary>The matrix with quiet zones around it; a one-row matrix is repeated <paramref name="height"/> times.</summary>
    private static ModuleGrid Pad(BitMatrix matrix, int horizontal, int vertical, int height)
    {
        var dark = new bool[height + 2 * vertical][];
        for (var y = 0; y < dark.Length; y++)
        {
            dark[y] = new bool[matrix.Width + 2 * horizontal];
            var my = y - vertical;
            if (my < 0 || my >= height)
                continue;
            var source = matrix.Height == 1 ? 0 : my;
            for (var x = 0; x < matrix.Width; x++)
                dark[y][x + horizontal] = matrix[x, source];
        }
        return new ModuleGrid(dark);
    }
}
