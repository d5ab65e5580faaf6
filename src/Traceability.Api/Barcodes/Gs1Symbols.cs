using Traceability.Domain.Gs1;
using ZXing;
using ZXing.Common;
using ZXing.Datamatrix;
using ZXing.Datamatrix.Encoder;
using ZXing.OneD;

namespace Traceability.Api.Barcodes;

/// <summary>
/// GS1 DataMatrix and GS1-128 symbols of an element string, encoded by ZXing.Net; quiet zones are added here.
/// </summary>
/// <remarks>
/// Measured with ZXing.Net 0.16.11 and checked by dmtxread and zbarimg: a DataMatrix needs GS1_FORMAT and
/// DATA_MATRIX_COMPACT both, or the leading FNC1 is missing (the symbol reads as ]d1, a plain DataMatrix); separators
/// are then given as ASCII GS and come out as FNC1 (codeword 232). Code 128 with GS1_FORMAT starts with FNC1 (]C1) and
/// takes 'ñ' (U+00F1) for a separating FNC1.
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
        var matrix = new DataMatrixWriter().encode(elements.ToBarcodeData(Gs1ElementString.GroupSeparator), BarcodeFormat.DATA_MATRIX, 0, 0,
            new Dictionary<EncodeHintType, object>
            {
                [EncodeHintType.GS1_FORMAT] = true,
                [EncodeHintType.DATA_MATRIX_COMPACT] = true,
                [EncodeHintType.DATA_MATRIX_SHAPE] = SymbolShapeHint.FORCE_SQUARE,
                [EncodeHintType.MARGIN] = 0,
            });
        return Pad(matrix, DataMatrixQuietZone, DataMatrixQuietZone, matrix.Height);
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
