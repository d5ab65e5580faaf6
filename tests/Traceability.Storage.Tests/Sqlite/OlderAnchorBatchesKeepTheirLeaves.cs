using Microsoft.Data.Sqlite;
using Traceability.Storage.Sqlite;

namespace Traceability.Storage.Tests.Sqlite;

/// <summary>
/// Batches written before a batch stopped copying its members' ids still hold their id lists: after the upgrade they
/// read back from those lists, count in the backlog, and new batches beside them read back from their members, whose
/// stored view ids must be the ones the batch's root was built from.
/// </summary>
public sealed class OlderAnchorBatchesKeepTheirLeaves : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"trace-old-batches-{Guid.NewGuid():N}.db");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AnOldBatchReadsBackFromItsListsAndANewOneFromItsMembers()
    {
        var events = new[] { "old-1", "old-2", "new-1", "new-2", "new-3" }
            .Select(id => Sample.Event(id, "org-a") with { ViewId = "view-" + id }).ToArray();
        await using (var store = new SqliteTraceStore(_path))
        {
            await store.InitializeAsync(Ct);
            await store.AppendAsync(new CaptureWrite(events, [], null), Ct);
        }
        SqliteConnection.ClearAllPools();
        await using (var old = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await old.OpenAsync(Ct);
            await using var cmd = old.CreateCommand();
            // Back to the previous release's layout, with one batch as it wrote them: ids listed in the row.
            cmd.CommandText = """
                ALTER TABLE anchor_batches DROP COLUMN first_seq;
                ALTER TABLE anchor_batches DROP COLUMN last_seq;
                INSERT INTO anchor_batches (batch_id, org_id, event_ids, view_ids, created_at, search_from_block)
                VALUES ('0xold', 'org-a', '["old-1","old-2"]', '["view-old-1","view-old-2"]', 0, 7);
                INSERT INTO batch_members (seq, batch_id, leaf_index) SELECT seq, '0xold', seq - 1 FROM events WHERE event_id IN ('old-1', 'old-2');
                DELETE FROM pending_events WHERE seq IN (SELECT seq FROM batch_members);
                PRAGMA user_version = 3;
                """;
            await cmd.ExecuteNonQueryAsync(Ct);
        }

        await using var upgraded = new SqliteTraceStore(_path);
        await upgraded.InitializeAsync(Ct);
        var fresh = new AnchorBatch("0xnew", "org-a", ["new-1", "new-2", "new-3"], Sample.T0, 9) { ViewIds = ["view-new-1", "view-new-2", "view-new-3"] };
        await upgraded.CreateBatchAsync(fresh, Ct);

        var oldBatch = (await upgraded.GetBatchAsync("0xold", Ct))!;
        Assert.Equal(["old-1", "old-2"], oldBatch.EventIds);
        Assert.Equal(["view-old-1", "view-old-2"], oldBatch.ViewIds);
        var newBatch = (await upgraded.GetBatchAsync("0xnew", Ct))!;
        Assert.Equal(fresh.EventIds, newBatch.EventIds);
        Assert.Equal(fresh.ViewIds, newBatch.ViewIds);
        Assert.Equal(1, (await upgraded.GetEventAnchorAsync("new-2", Ct))!.LeafIndex);
        Assert.Equal(5, (await upgraded.GetStatsAsync(Ct)).UnanchoredEvents);
        Assert.Equal(["0xold", "0xnew"], (await upgraded.GetUnanchoredBatchesAsync(Ct)).Select(b => b.BatchId).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public async Task AnEventStoredWithoutAViewIdTakesItsBatchsAndADifferentOneIsRefused()
    {
        await using var store = new SqliteTraceStore(_path);
        await store.InitializeAsync(Ct);
        var events = new[] { "a-1", "a-2", "a-3" }.Select(id => Sample.Event(id, "org-a") with { ViewId = id == "a-1" ? null : "view-" + id }).ToArray();
        await store.AppendAsync(new CaptureWrite(events, [], null), Ct);

        var wrongView = new AnchorBatch("0xwrong", "org-a", ["a-3"], Sample.T0, 9) { ViewIds = ["view-other"] };
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateBatchAsync(wrongView, Ct));
        var batch = new AnchorBatch("0xok", "org-a", ["a-1", "a-2"], Sample.T0, 9) { ViewIds = ["view-a-1", "view-a-2"] };
        await store.CreateBatchAsync(batch, Ct);

        Assert.Null(await store.GetBatchAsync("0xwrong", Ct));
        Assert.Equal(["a-3"], (await store.GetPendingEventsAsync("org-a", 10, Ct)).Select(e => e.EventId));
        Assert.Equal(batch.ViewIds, (await store.GetBatchAsync("0xok", Ct))!.ViewIds);
        Assert.Equal("view-a-1", (await store.GetEventAsync("a-1", Ct))!.ViewId);
    }
}
