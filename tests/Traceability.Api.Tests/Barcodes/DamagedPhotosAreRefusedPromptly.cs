using Traceability.Api.Barcodes;
using Traceability.Domain;

namespace Traceability.Api.Tests.Barcodes;

/// <summary>
/// Damaged uploads never hang the decoder: StbImageSharp spins forever on a JPEG cut inside a marker segment, so the
/// structure check must stop every such file, and what it lets through must decode or fail promptly. Each case runs
/// with a watchdog; any case still running after it fails the test.
/// </summary>
public sealed class DamagedPhotosAreRefusedPromptly
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(10);

    [Fact]
    public void TheFiveBytesThatHangStbAreRefusedAsMalformed() =>
        Assert.Contains("well-formed JPEG", Assert.Throws<TraceError>(() => GreyImage.Read([0xFF, 0xD8, 0xFF, 0xE0, 0x4B])).Message);

    [Fact]
    public void AJpegCutShortAnywhereIsDecodedOrRefused()
    {
        var jpeg = WithApplicationSegments(LabelPhotos.Label(120, 80).Photograph(160, 120, 1, 3));
        ReadsOrRefuses(Enumerable.Range(1, jpeg.Length - 1).Select(n => jpeg[..n]));
    }

    [Fact]
    public void AJpegWithDamagedHeadersIsDecodedOrRefused()
    {
        var jpeg = WithApplicationSegments(LabelPhotos.Label(120, 80).Photograph(160, 120, 1, 3));
        var random = new Random(11);
        ReadsOrRefuses(Enumerable.Range(0, 1500).Select(_ =>
        {
            var damaged = (byte[])jpeg.Clone();
            for (var k = random.Next(1, 5); k > 0; k--)
                damaged[random.Next(2, Math.Min(damaged.Length, 700))] = (byte)random.Next(256);
            return damaged;
        }));
    }

    [Fact]
    public void APngCutShortOrDamagedIsDecodedOrRefused()
    {
        var grid = Gs1Symbols.Gs1_128(Domain.Gs1.Gs1ElementString.ForLogisticUnit(Domain.Gs1.Sscc.Parse("106141411234567897")));
        var png = grid.ToPng(grid.Width, grid.Height)!;
        var random = new Random(5);
        ReadsOrRefuses(Enumerable.Range(1, png.Length - 1).Select(n => png[..n]).Concat(Enumerable.Range(0, 500).Select(_ =>
        {
            var damaged = (byte[])png.Clone();
            damaged[random.Next(8, damaged.Length)] = (byte)random.Next(256);
            return damaged;
        })));
    }

    [Fact]
    public void NoiseAfterAJpegStartIsRefused()
    {
        var random = new Random(7);
        ReadsOrRefuses(Enumerable.Range(0, 300).Select(i =>
        {
            var noise = new byte[random.Next(1, 4000)];
            random.NextBytes(noise);
            return (byte[])[0xFF, 0xD8, 0xFF, (byte)(0xE0 + i % 16), .. noise];
        }));
    }

    /// <summary>The photo with APP0 (JFIF) and APP1 segments after SOI, as cameras write them, so cuts land inside them too.</summary>
    private static byte[] WithApplicationSegments(byte[] jpeg)
    {
        byte[] jfif = [0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        byte[] app1 = [0xFF, 0xE1, 0x00, 0x22, .. "Exif\0\0"u8, .. new byte[26]];
        return [0xFF, 0xD8, .. jfif, .. app1, .. jpeg[2..]];
    }

    private static void ReadsOrRefuses(IEnumerable<byte[]> files)
    {
        var count = 0;
        foreach (var file in files)
        {
            count++;
            var read = Task.Run(() =>
            {
                try
                {
                    GreyImage.Read(file);
                }
                catch (TraceError e) when (e.Code == "invalid-image")
                {
                }
            });
            Assert.True(read.Wait(Watchdog), $"case {count} ({file.Length} bytes, {Convert.ToHexString(file.AsSpan(0, Math.Min(24, file.Length)))}…) still decoding after {Watchdog.TotalSeconds} s");
        }
        Assert.True(count > 0);
    }
}
