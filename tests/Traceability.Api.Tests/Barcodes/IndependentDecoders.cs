using System.Diagnostics;
using System.Text;
using System.Xml.Linq;

namespace Traceability.Api.Tests.Barcodes;

/// <summary>What a decoder that shares no code with ZXing.Net read: the symbology identifier it implies and the data.</summary>
internal sealed record IndependentRead(string SymbologyIdentifier, string Data);

/// <summary>
/// Decoders from Debian (installed by scripts/test): dmtxread (dmtx-utils, libdmtx) for DataMatrix, zbarimg (zbar-tools)
/// for Code 128. FNC1 separators come back as ASCII GS.
/// </summary>
internal static class IndependentDecoders
{
    /// <summary>
    /// dmtxread: its first data codeword tells FNC1 in first position (232, ISO/IEC 16022: identifier ]d2) from a plain
    /// DataMatrix (]d1); with <c>-G 94</c> it prints FNC1 as '^' (not in GS1 character set 82), told apart from a
    /// literal GS character.
    /// </summary>
    public static async Task<IndependentRead> DmtxreadAsync(byte[] png, CancellationToken cancellationToken)
    {
        var codewords = await RunAsync("dmtxread", ["-c", "-N", "1"], png, "dmtx-utils", cancellationToken);
        var first = codewords.Split('\n', StringSplitOptions.RemoveEmptyEntries).First(line => line.StartsWith("d:", StringComparison.Ordinal));
        var text = await RunAsync("dmtxread", ["-G", "94", "-N", "1"], png, "dmtx-utils", cancellationToken);
        var fnc1First = first == "d:232";
        Assert.DoesNotContain('\u001d', text); // every GS in our data must be an FNC1
        Assert.Equal(fnc1First, text.StartsWith('^'));
        return new IndependentRead(fnc1First ? "]d2" : "]d1", (fnc1First ? text[1..] : text).Replace('^', '\u001d'));
    }

    /// <summary>
    /// zbarimg: its XML output marks a Code 128 symbol starting with FNC1 with modifiers='GS1' (ZBAR_MOD_GS1), which is
    /// identifier ]C1 (ISO/IEC 15417); a separating FNC1 comes back as GS.
    /// </summary>
    public static async Task<IndependentRead> ZbarCode128Async(byte[] png, CancellationToken cancellationToken)
    {
        var xml = XDocument.Parse(await RunAsync("zbarimg", ["--xml", "-q", "--nodbus", "-Sdisable", "-Scode128.enable"], png, "zbar-tools", cancellationToken));
        XNamespace ns = "http://zbar.sourceforge.net/2008/barcode";
        var symbol = Assert.Single(xml.Descendants(ns + "symbol"));
        Assert.Equal("CODE-128", symbol.Attribute("type")!.Value);
        var data = symbol.Element(ns + "data")!;
        var text = data.Attribute("format")?.Value == "base64" ? Encoding.ASCII.GetString(Convert.FromBase64String(data.Value.Trim())) : data.Value;
        var gs1 = symbol.Attribute("modifiers")?.Value.Split(',').Contains("GS1") == true;
        return new IndependentRead(gs1 ? "]C1" : "]C0", text);
    }

    private static async Task<string> RunAsync(string tool, string[] arguments, byte[] image, string package, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"barcode-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, image, cancellationToken);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments.Append(file))
                start.ArgumentList.Add(argument);
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"{tool} is not installed: apt-get install {package} (scripts/test does)", e);
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var error = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                var text = await output;
                Assert.True(process.ExitCode == 0 && text.Length > 0, $"{tool} found no symbol (exit {process.ExitCode}): {await error}");
                return text;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
