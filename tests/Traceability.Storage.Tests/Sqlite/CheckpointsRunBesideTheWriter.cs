using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using Traceability.Storage.Sqlite;

namespace Traceability.Storage.Tests.Sqlite;

/// <summary>
/// The writer never checkpoints in a commit; the background checkpointer copies the WAL into the file and lets the
/// writer start it again, so under continuous writes the WAL restarts every round, and nothing written is lost.
/// </summary>
public sealed class CheckpointsRunBesideTheWriter : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"trace-checkpoints-{Guid.NewGuid():N}.db");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task UnderContinuousWritesTheWalIsRestartedAndEveryEventStays()
    {
        var written = 0;
        uint? firstRestart = null;
        await using var store = new SqliteTraceStore(_path);
        await store.InitializeAsync(Ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var round = 0; clock.Elapsed < TimeSpan.FromSeconds(4.5); round++)
        {
            var events = Enumerable.Range(0, 50).Select(i => Sample.Event($"e-{round}-{i}", "org-a")).ToArray();
            await store.AppendAsync(new CaptureWrite(events, [], null), Ct);
            written += events.Length;
            firstRestart ??= WalRestarts();
        }

        // The WAL header counts the times the WAL was started again after a complete checkpoint: about one a second, but
        // under a loaded test run a round can take longer, so one restart (none without the checkpointer) is the proof.
        Assert.True(WalRestarts() >= firstRestart + 1, $"the WAL restarted {WalRestarts() - firstRestart} times in 4.5 s of writes");
        Assert.Equal(written, (await store.GetStatsAsync(Ct)).Events);
    }

    private uint WalRestarts()
    {
        using var wal = new FileStream(_path + "-wal", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = new byte[16];
        wal.ReadExactly(header);
        return BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
    }
}
