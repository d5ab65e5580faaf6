using System.Buffers.Binary;
using System.Diagnostics;

namespace Traceability.Api.Tests.Consumer;

/// <summary>Decodes barcodes with zbarimg (Debian zbar-tools, installed by scripts/test): a decoder that shares no code with ours.</summary>
internal static class Zbar
{
    public static async Task<string> DecodeAsync(byte[] image, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, image, cancellationToken);
        try
        {
            var start = new ProcessStartInfo("zbarimg") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--raw", "-q", "--nodbus", "-Sdisable", "-Sqrcode.enable", file })
                start.ArgumentList.Add(arg);
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("zbarimg is not installed: apt-get install zbar-tools (scripts/test does)", e);
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var error = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                Assert.True(process.ExitCode == 0, $"zbarimg found no QR code (exit {process.ExitCode}): {await error}");
                // --raw prints each symbol's data followed by a newline.
                return (await output).TrimEnd('\n');
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Width and height from a PNG's IHDR chunk.</summary>
    public static (int Width, int Height) PngSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
}
