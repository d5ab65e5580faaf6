using System.Diagnostics;

namespace Traceability.Bench;

/// <summary>What the bytes of a SQLite store are: pages per table and index.</summary>
/// <remarks>
/// The bundled SQLite (e_sqlite3) is built without the dbstat table, so this asks the sqlite3 shell (apt package
/// sqlite3, which has it) and says so when the shell is missing.
/// </remarks>
internal static class StoreFootprint
{
    public static async Task PrintAsync(string databasePath, long events)
    {
        var fileBytes = new FileInfo(databasePath).Length;
        var walBytes = File.Exists(databasePath + "-wal") ? new FileInfo(databasePath + "-wal").Length : 0;
        Console.WriteLine($"  store file       {fileBytes / 1048576.0:0.0} MiB, {fileBytes / (double)events:0} bytes per event; WAL {walBytes / 1048576.0:0.0} MiB (its high-water mark)");
        var rows = await DbstatAsync(databasePath);
        if (rows is null)
        {
            Console.WriteLine("    (install the sqlite3 shell for the breakdown per table and index)");
            return;
        }
        var total = rows.Sum(r => r.Bytes);
        foreach (var (name, bytes) in rows.Where(r => r.Bytes * 100 >= total))
            Console.WriteLine($"    {name,-28} {bytes / 1048576.0,8:0.0} MiB  {bytes / (double)events,6:0} B/event");
    }

    private static async Task<List<(string Name, long Bytes)>?> DbstatAsync(string databasePath)
    {
        var info = new ProcessStartInfo("sqlite3", ["-readonly", "-separator", "\t", databasePath,
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC;"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        Process? process;
        try { process = Process.Start(info); }
        catch (System.ComponentModel.Win32Exception) { return null; }
        if (process is null) return null;
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) return null;
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .Select(parts => (parts[0], long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
        }
    }
}
