using Microsoft.Data.Sqlite;
using Traceability.Storage.Sqlite;

namespace Traceability.Storage.Tests.Sqlite;

/// <summary>A data directory written before anchoring existed keeps its events, which start pending.</summary>
public sealed class OlderDatabasesGainAnchoring : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"trace-old-{Guid.NewGuid():N}.db");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task EventsFromBeforeAnchoringArePendingAfterTheUpgrade()
    {
        await using (var old = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await old.OpenAsync(Ct);
            await using var cmd = old.CreateCommand();
            // The events table exactly as the first release created it, with one event in it.
            cmd.CommandText = """
                CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, org_id TEXT NOT NULL,
                    event_type TEXT NOT NULL, event_time INTEGER NOT NULL, record_time INTEGER NOT NULL, biz_step TEXT,
                    disposition TEXT, biz_location TEXT, read_point TEXT, external INTEGER NOT NULL, epcs TEXT NOT NULL,
                    epc_classes TEXT NOT NULL, lot_keys TEXT NOT NULL, json TEXT NOT NULL);
                INSERT INTO events (event_id, org_id, event_type, event_time, record_time, external, epcs, epc_classes, lot_keys, json)
                VALUES ('old-1', 'org-old', 'ObjectEvent', 0, 1000, 0, '[]', '[]', '[]', '{}');
                """;
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        await using var store = new SqliteTraceStore(_path);
        await store.InitializeAsync(Ct);

        Assert.Equal(["old-1"], (await store.GetPendingEventsAsync("org-old", 10, Ct)).Select(e => e.EventId));
        Assert.Equal(1, (await store.GetStatsAsync(Ct)).UnanchoredEvents);
        Assert.NotNull(await store.GetEventAsync("old-1", Ct));
    }
}
