using System.Buffers.Binary;
using Traceability.Domain;

namespace Traceability.Api.Lab;

/// <summary>
/// Checks an uploaded test-card photo by its content, not its name or declared type: a PNG (signature, IHDR first, IEND
/// last) or a baseline/progressive JPEG (SOI, a frame header, EOI), whose declared media type matches, with sides of
/// 1 to 10,000 pixels and at most 40 megapixels (so no viewer is asked to decode a bomb). Only the headers are read;
/// the bytes are stored and served exactly as sent, with nosniff and a sandboxing policy.
/// </summary>
public static class TestCardPhoto
{
    public const int MaxBytes = 5 * 1024 * 1024;
    private const int MaxSide = 10_000;
    private const long MaxPixels = 40_000_000;

    public sealed record Checked(string ContentType, int Width, int Height);

    public static Checked Check(ReadOnlySpan<byte> bytes, string? declared)
    {
        var media = (declared ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var (type, width, height) = media switch
        {
            "image/png" => Png(bytes),
            "image/jpeg" => Jpeg(bytes),
            _ => throw new TraceError(ErrorKind.UnsupportedMediaType, "unsupported-media-type",
                $"send the photo as image/jpeg or image/png, not \"{declared}\""),
        };
        if (width is < 1 or > MaxSide || height is < 1 or > MaxSide || (long)width * height > MaxPixels)
            throw Bad($"a {width}×{height} picture is outside 1–{MaxSide} pixels a side, {MaxPixels / 1_000_000} megapixels in all");
        return new Checked(type, width, height);
    }

    private static (string, int, int) Png(ReadOnlySpan<byte> b)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        ReadOnlySpan<byte> iend = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
        if (b.Length < 8 + 25 + 12 || !b[..8].SequenceEqual(signature) || !b.Slice(12, 4).SequenceEqual("IHDR"u8))
            throw Bad("the body is not a PNG image (signature and IHDR header expected)");
        if (!b[^12..].SequenceEqual(iend)) throw Bad("the PNG image is cut short (no IEND chunk at its end)");
        return ("image/png", (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b.Slice(16, 4)), int.MaxValue),
            (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b.Slice(20, 4)), int.MaxValue));
    }

    private static (string, int, int) Jpeg(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8) throw Bad("the body is not a JPEG image (SOI marker expected)");
        if (b[^2] != 0xFF || b[^1] != 0xD9) throw Bad("the JPEG image is cut short (no EOI marker at its end)");
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF) throw Bad("the JPEG image's segments are malformed");
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            var length = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 2, 2));
            if (length < 2 || i + 2 + length > b.Length) throw Bad("a JPEG segment runs past the end of the image");
            // SOF0–SOF15, less DHT (C4), JPG (C8) and DAC (CC): the frame header with the picture's size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7) throw Bad("the JPEG frame header is too short");
                return ("image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 7, 2)), BinaryPrimitives.ReadUInt16BigEndian(b.Slice(i + 5, 2)));
            }
            if (marker == 0xDA) break; // scan data before any frame header
            i += 2 + length;
        }
        throw Bad("the JPEG image has no frame header");
    }

    private static TraceError Bad(string detail) => TraceError.Invalid("invalid-photo", "$", detail);
}
