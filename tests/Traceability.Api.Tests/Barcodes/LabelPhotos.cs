using StbImageSharp;
using StbImageWriteSharp;

namespace Traceability.Api.Tests.Barcodes;

/// <summary>
/// Makes "photos" of our own labels: the API's PNG symbols laid out on a label, then taken as a camera would, scaled,
/// turned a few degrees, tinted, with a little noise, and saved as colour JPEG.
/// </summary>
internal sealed class LabelPhotos
{
    private readonly byte[] _grey;

    private LabelPhotos(byte[] grey, int width, int height)
    {
        _grey = grey;
        Width = width;
        Height = height;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>A white label of the given size with the PNG images drawn at their positions.</summary>
    public static LabelPhotos Label(int width, int height, params (byte[] Png, int X, int Y)[] images)
    {
        var grey = Enumerable.Repeat((byte)255, width * height).ToArray();
        foreach (var (png, left, top) in images)
        {
            var image = ImageResult.FromMemory(png, StbImageSharp.ColorComponents.Grey);
            for (var y = 0; y < image.Height && top + y < height; y++)
                for (var x = 0; x < image.Width && left + x < width; x++)
                    grey[(top + y) * width + left + x] = image.Data[y * image.Width + x];
        }
        return new LabelPhotos(grey, width, height);
    }

    /// <summary>
    /// The label photographed: a <paramref name="width"/> × <paramref name="height"/> frame of grey-brown table, the label
    /// in its middle scaled by <paramref name="scale"/> and turned by <paramref name="degrees"/>, sampled bilinearly,
    /// warm-tinted with seeded noise, as a JPEG of the given quality.
    /// </summary>
    public byte[] Photograph(int width, int height, double scale, double degrees, int quality = 80, int seed = 1)
    {
        var random = new Random(seed);
        var rgb = new byte[width * height * 3];
        double angle = degrees * Math.PI / 180, cos = Math.Cos(angle), sin = Math.Sin(angle);
        double cx = width / 2.0, cy = height / 2.0, lx = Width / 2.0, ly = Height / 2.0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                // Inverse mapping: where on the label this photo pixel looks.
                double dx = (x - cx) / scale, dy = (y - cy) / scale;
                double u = cos * dx + sin * dy + lx, v = -sin * dx + cos * dy + ly;
                var value = u >= 0 && v >= 0 && u < Width - 1 && v < Height - 1 ? Sample(u, v) : 110.0;
                value = Math.Clamp(value * 0.85 + 20 + (random.NextDouble() - 0.5) * 16, 0, 255);
                var i = (y * width + x) * 3;
                rgb[i] = (byte)Math.Clamp(value + 8, 0, 255);
                rgb[i + 1] = (byte)value;
                rgb[i + 2] = (byte)Math.Clamp(value - 12, 0, 255);
            }
        }
        using var jpeg = new MemoryStream();
        new ImageWriter().WriteJpg(rgb, width, height, StbImageWriteSharp.ColorComponents.RedGreenBlue, jpeg, quality);
        return jpeg.ToArray();
    }

    private double Sample(double u, double v)
    {
        int x0 = (int)u, y0 = (int)v;
        double fx = u - x0, fy = v - y0;
        double top = _grey[y0 * Width + x0] * (1 - fx) + _grey[y0 * Width + x0 + 1] * fx;
        double bottom = _grey[(y0 + 1) * Width + x0] * (1 - fx) + _grey[(y0 + 1) * Width + x0 + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
