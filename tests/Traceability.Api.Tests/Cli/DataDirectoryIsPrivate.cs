using System.Diagnostics;
using Traceability.Testing;

namespace Traceability.Api.Tests.Cli;

/// <summary>scripts/start's helpers: the data directory is its owner's alone, and every start keeps the earlier logs.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryIsPrivate : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "trace-datadir-" + Guid.NewGuid().ToString("N"));

    private async Task<string> LibAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"source '{RepositoryPaths.Combine("scripts", "lib.sh")}'; {script}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        return output;
    }

    [Fact]
    public async Task SecuringTheDirectoryClosesEverythingInItToOthers()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "demo"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "demo", "organisations.json"), "{}", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(Path.Combine(_dir, "demo", "organisations.json"), (UnixFileMode)0b110_100_100); // 0644, as older releases left it
        File.SetUnixFileMode(_dir, (UnixFileMode)0b111_101_101);

        await LibAsync($"secure_data_dir '{_dir}'");

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(_dir));
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(Path.Combine(_dir, "demo")));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(Path.Combine(_dir, "demo", "organisations.json")));
    }

    [Fact]
    public async Task EachStartKeepsTheEarlierLogs()
    {
        Directory.CreateDirectory(_dir);
        var log = Path.Combine(_dir, "api.log");
        for (var run = 1; run <= 7; run++)
        {
            await LibAsync($"rotate_log '{log}' 5");
            await File.WriteAllTextAsync(log, $"run {run}", TestContext.Current.CancellationToken);
        }

        Assert.Equal("run 7", await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken));
        Assert.Equal("run 6", await File.ReadAllTextAsync(log + ".1", TestContext.Current.CancellationToken));
        Assert.Equal("run 2", await File.ReadAllTextAsync(log + ".5", TestContext.Current.CancellationToken));
        Assert.False(File.Exists(log + ".6"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
