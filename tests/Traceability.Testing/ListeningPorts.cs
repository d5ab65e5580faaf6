using System.Globalization;

namespace Traceability.Testing;

/// <summary>
/// The TCP port a process listens on, read from Linux's /proc. Servers are started on port 0 and asked
/// afterwards, because picking a "free" port first races with every other test doing the same: a
/// server that loses the race fails to bind while its port answers with someone else's chain.
/// </summary>
public static class ListeningPorts
{
    /// <summary>The lowest port <paramref name="pid"/> listens on over IPv4, or null while it listens on none.</summary>
    public static int? Of(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)) inodes.Add(target[8..^1]);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // the process is gone or still starting
        }
        int? port = null;
        foreach (var line in File.ReadLines("/proc/net/tcp").Skip(1))
        {
            // sl local_address rem_address st ... inode: "0: 0100007F:9C7B 00000000:0000 0A ... 12345"
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 10 || f[3] != "0A" || !inodes.Contains(f[9])) continue;
            var candidate = int.Parse(f[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            port = port is null ? candidate : Math.Min(port.Value, candidate);
        }
        return port;
    }

    /// <summary>Waits until the process listens; throws when it exits first or takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<int> WaitAsync(System.Diagnostics.Process process, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"process {process.Id} exited with code {process.ExitCode} before listening");
            if (Of(process.Id) is { } port) return port;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"process {process.Id} did not listen within {timeout}");
            await Task.Delay(25, cancellationToken);
        }
    }
}
