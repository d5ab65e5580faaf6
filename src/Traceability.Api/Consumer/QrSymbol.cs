using QRCoder;
using Traceability.Api.Barcodes;

namespace Traceability.Api.Consumer;

/// <summary>
/// A QR code for a Digital Link URI as a grid of dark and light modules, quiet zone included, drawn as SVG or PNG.
/// </summary>
/// <remarks>
/// Error correction level Q (about 25% of the symbol recoverable): labels on chilled and handled food get wet,
/// scuffed and creased, and a Digital Link URI is short enough that Q still gives a small symbol.
/// </remarks>
internal sealed class QrSymbol
{
    /// <summary>Light modules around the symbol, as ISO/IEC 18004 asks.</summary>
    public const int QuietZone = 4;

    private readonly ModuleGrid _grid;

    private QrSymbol(bool[][] dark) => _grid = new ModuleGrid(dark);

    /// <summary>Modules per side, quiet zone included.</summary>
    public int Modules => _grid.Width;

    public static QrSymbol Encode(string text)
    {
        // Byte mode, no ECI and no BOM: scanners read the URI exactly as given (it is ASCII).
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var matrix = data.ModuleMatrix;
        var inner = 4 * data.Version + 17;
        // QRCoder pads the matrix with a quiet zone of its own; add or trim to exactly QuietZone either way.
        var padding = (matrix.Count - inner) / 2;
        var size = inner + 2 * QuietZone;
        var dark = new bool[size][];
        for (var y = 0; y < size; y++)
        {
            dark[y] = new bool[size];
            for (var x = 0; x < size; x++)
            {
                int mx = x - QuietZone + padding, my = y - QuietZone + padding;
                dark[y][x] = mx >= padding && my >= padding && mx < padding + inner && my < padding + inner && matrix[my][mx];
            }
        }
        return new QrSymbol(dark);
    }

    /// <summary>An SVG of <paramref name="pixels"/> square, no XML declaration (it can be inlined in HTML).</summary>
    public string ToSvg(int pixels) => _grid.ToSvg(pixels, pixels);

    /// <summary>
    /// A black-and-white PNG exactly <paramref name="pixels"/> square: each module a whole number of pixels, the
    /// pixels left over added to the quiet zone. Null when <paramref name="pixels"/> is smaller than <see cref="Modules"/>.
    /// </summary>
    public byte[]? ToPng(int pixels) => _grid.ToPng(pixels, pixels);
}
