using System.Globalization;
using System.Text;
using Traceability.Api.Consumer;

namespace Traceability.Api.Barcodes;

/// <summary>
/// A barcode as a grid of dark and light modules, quiet zones included, drawn as SVG or as a 1-bit PNG. QR codes and
/// DataMatrix symbols are square grids; a linear symbol is one row of bars repeated to its bar height.
/// </summary>
internal sealed class ModuleGrid
{
    private readonly bool[][] _dark;

    public ModuleGrid(bool[][] dark)
    {
        if (dark.Length == 0 || dark[0].Length == 0 || dark.Any(row => row.Length != dark[0].Length))
            throw new ArgumentException("a module grid is a non-empty rectangle", nameof(dark));
        _dark = dark;
    }

    /// <summary>Modules across, quiet zones included.</summary>
    public int Width => _dark[0].Length;

    /// <summary>Modules down, quiet zones included.</summary>
    public int Height => _dark.Length;

    public bool IsDark(int x, int y) => _dark[y][x];

    /// <summary>
    /// An SVG <paramref name="width"/> × <paramref name="height"/> pixels (the viewBox is in modules), no XML
    /// declaration so it can be inlined in HTML. Rows that repeat the row above are drawn once, as taller runs.
    /// </summary>
    public string ToSvg(int width, int height)
    {
        string w = Width.ToString(CultureInfo.InvariantCulture), h = Height.ToString(CultureInfo.InvariantCulture);
        var svg = new StringBuilder(8192);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {w} {h}\" shape-rendering=\"crispEdges\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (var y = 0; y < Height;)
        {
            var band = 1;
            while (y + band < Height && _dark[y + band].AsSpan().SequenceEqual(_dark[y]))
                band++;
            for (var x = 0; x < Width; x++)
            {
                if (!_dark[y][x])
                    continue;
                var run = 1;
                while (x + run < Width && _dark[y][x + run])
                    run++;
                svg.Append(CultureInfo.InvariantCulture, $"M{x} {y}h{run}v{band}h-{run}z");
                x += run;
            }
            y += band;
        }
        svg.Append("\"/></svg>");
        return svg.ToString();
    }

    /// <summary>
    /// A black-and-white PNG exactly <paramref name="width"/> × <paramref name="height"/> pixels: each module the same
    /// whole number of pixels across and down, the pixels left over added around the symbol as more quiet zone. Null
    /// when a module would get less than one pixel.
    /// </summary>
    public byte[]? ToPng(int width, int height)
    {
        var scale = Math.Min(width / Width, height / Height);
        if (scale == 0)
            return null;
        int left = (width - scale * Width) / 2, top = (height - scale * Height) / 2;
        return MonochromePng.Encode(width, height, (x, y) =>
        {
            if (x < left || y < top)
                return false;
            int mx = (x - left) / scale, my = (y - top) / scale;
            return mx < Width && my < Height && _dark[my][mx];
        });
    }
}
