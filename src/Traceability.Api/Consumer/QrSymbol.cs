using System.Globalization;
using System.Text;
using QRCoder;

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

    private readonly bool[][] _dark;

    private QrSymbol(bool[][] dark) => _dark = dark;

    /// <summary>Modules per side, quiet zone included.</summary>
    public int Modules => _dark.Length;

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

    /// <summary>An SVG of <paramref name="pixels"/> square, one path for all dark modules, no XML declaration (it can be inlined in HTML).</summary>
    public string ToSvg(int pixels)
    {
        var n = Modules.ToString(CultureInfo.InvariantCulture);
        var svg = new StringBuilder(8192);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pixels}\" height=\"{pixels}\" viewBox=\"0 0 {n} {n}\" shape-rendering=\"crispEdges\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (var y = 0; y < Modules; y++)
        {
            for (var x = 0; x < Modules; x++)
            {
                if (!_dark[y][x])
                    continue;
                var run = 1;
                while (x + run < Modules && _dark[y][x + run])
                    run++;
                svg.Append(CultureInfo.InvariantCulture, $"M{x} {y}h{run}v1h-{run}z");
                x += run;
            }
        }
        svg.Append("\"/></svg>");
        return svg.ToString();
    }

    /// <summary>
    /// A black-and-white PNG exactly <paramref name="pixels"/> square: each module a whole number of pixels, the
    /// pixels left over added to the quiet zone. Null when <paramref name="pixels"/> is smaller than <see cref="Modules"/>.
    /// </summary>
    public byte[]? ToPng(int pixels)
    {
        var scale = pixels / Modules;
        if (scale == 0)
            return null;
        var offset = (pixels - scale * Modules) / 2;
        return MonochromePng.Encode(pixels, pixels, (x, y) =>
        {
            int mx = (x - offset) / scale, my = (y - offset) / scale;
            return x >= offset && y >= offset && mx < Modules && my < Modules && _dark[my][mx];
        });
    }
}
