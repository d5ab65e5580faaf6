using StbImageSharp;
using Traceability.Domain;
using ZXing;

namespace Traceability.Api.Barcodes;

/// <summary>
/// An uploaded photo as 8-bit luminance, read with StbImageSharp after checking it is a JPEG or PNG of bounded size,
/// and shrunk by whole-number box averaging when it is larger than decoding needs.
/// </summary>
internal sealed class GreyImage
{
    /// <summary>About a 48-megapixel phone photo; stb decodes into up to four bytes a pixel before we shrink it.</summary>
    public const long MaxPixels = 50_000_000;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private GreyImage(byte[] luminance, int width, int height)
    {
        Luminance = luminance;
        Width = width;
        Height = height;
    }

    public byte[] Luminance { get; }
    public int Width { get; }
    public int Height { get; }

    /// <summary>"jpeg" or "png" by the file's signature; null for anything else.</summary>
    public static string? FormatOf(ReadOnlySpan<byte> file) =>
        file.StartsWith(PngSignature) ? "png" : file.StartsWith(JpegSignature) ? "jpeg" : null;

    /// <exception cref="TraceError">invalid-image: not a JPEG or PNG, too many pixels, or not decodable.</exception>
    public static GreyImage Read(byte[] file)
    {
        var format = FormatOf(file) ?? throw Invalid("is not a JPEG or PNG image");
        if (format == "jpeg" && !JpegStructure.IsWellFormed(file))
            throw Invalid("is not a well-formed JPEG (its marker segments do not fit together)");
        ImageInfo? info;
        try
        {
            // The header alone: the pixel count is checked before any pixel memory is allocated.
            info = ImageInfo.FromStream(new MemoryStream(file, writable: false));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            info = null;
        }
        if (info is not { Width: > 0, Height: > 0 } header)
            throw Invalid("has no readable image header");
        if ((long)header.Width * header.Height > MaxPixels)
            throw Invalid($"has {header.Width}×{header.Height} pixels; at most {MaxPixels / 1_000_000} megapixels are read");

        ImageResult image;
        try
        {
            image = ImageResult.FromMemory(file, ColorComponents.Grey);
        }
        // stb reports corrupt data by several exception types; all of them mean the upload is not an image we can read.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Invalid($"could not be decoded ({e.Message})");
        }
        if (image.Width != header.Width || image.Height != header.Height || image.Data.Length < image.Width * image.Height)
            throw Invalid("could not be decoded");
        return new GreyImage(image.Data, image.Width, image.Height);
    }

    /// <summary>
    /// This image when its longer side is at most <paramref name="maxEdge"/>, else shrunk by the smallest whole factor
    /// that brings it there, each pixel the mean of the block it replaces (which also smooths JPEG noise).
    /// </summary>
    public GreyImage ShrinkToFit(int maxEdge)
    {
        var factor = (Math.Max(Width, Height) + maxEdge - 1) / maxEdge;
        if (factor <= 1)
            return this;
        int width = Width / factor, height = Height / factor, area = factor * factor;
        var shrunk = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var sum = 0;
                for (var dy = 0; dy < factor; dy++)
                {
                    var row = (y * factor + dy) * Width + x * factor;
                    for (var dx = 0; dx < factor; dx++)
                        sum += Luminance[row + dx];
                }
                shrunk[y * width + x] = (byte)((sum + area / 2) / area);
            }
        }
        return new GreyImage(shrunk, width, height);
    }

    /// <summary>What ZXing reads: our luminance bytes as they are (ZXing.Net has no image loading of its own).</summary>
    public LuminanceSource ToLuminanceSource() => new GreyLuminanceSource(Luminance, Width, Height);

    private static TraceError Invalid(string detail) => TraceError.Invalid("invalid-image", "body", $"the upload {detail}");

    /// <summary>8-bit luminance handed to ZXing without conversion; the base class gives cropping and rotation.</summary>
    private sealed class GreyLuminanceSource(byte[] luminance, int width, int height) : BaseLuminanceSource(luminance, width, height)
    {
        protected override LuminanceSource CreateLuminanceSource(byte[] newLuminances, int width, int height) =>
            new GreyLuminanceSource(newLuminances, width, height);
    }
}
