using QRCoder;

namespace Traceability.Api.Tests.Browser;

/// <summary>QR codes as a phone would photograph them, made with QRCoder.</summary>
internal static class QrImages
{
    /// <summary>
    /// A Y4M video (what Chromium's --use-file-for-fake-video-capture plays as the camera) of a QR code holding
    /// <paramref name="text"/> centred in a 640×480 grey frame, as a phone camera would see a pack.
    /// </summary>
    public static byte[] CameraVideo(string text)
    {
        const int Width = 640, Height = 480, ModulePixels = 8;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count * ModulePixels;
        var (left, top) = ((Width - size) / 2, (Height - size) / 2);
        var luma = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (mx, my) = ((x - left) / ModulePixels, (y - top) / ModulePixels);
                var inside = x >= left && y >= top && mx < modules.Count && my < modules.Count;
                luma[y * Width + x] = (byte)(!inside ? 160 : modules[my][mx] ? 16 : 235);
            }
        }
        var chroma = Enumerable.Repeat((byte)128, Width * Height / 4).ToArray();
        using var video = new MemoryStream();
        video.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\n"));
        for (var frame = 0; frame < 3; frame++)
        {
            video.Write(System.Text.Encoding.ASCII.GetBytes("FRAME\n"));
            video.Write(luma);
            video.Write(chroma);
            video.Write(chroma);
        }
        return video.ToArray();
    }

    /// <summary>A PNG of a QR code holding <paramref name="text"/>, <paramref name="pixelsPerModule"/> pixels a module.</summary>
    public static byte[] Png(string text, int pixelsPerModule = 12)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
