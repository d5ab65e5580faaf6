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
        // Back to the previous release's layout, with one batch as it wrote them: ids listed in the row.
        await StoreThenRewriteAsync(events, $"""
                {PreviousMembersLayout}
                ALTER TABLE anchor_batches DROP COLUMN first_seq;
                ALTER TABLE anchor_batches DROP COLUMN last_seq;
                INSERT INTO anchor_batches (batch_id, org_id, event_ids, view_ids, created_at, search_from_block)
                VALUES ('0xold', 'org-a', '["old-1","old-2"]', '["view-old-1","view-old-2"]', 0, 7);
                INSERT INTO batch_members (seq, batch_id, leaf_index) SELECT seq, '0xold', seq - 1 FROM events WHERE event_id IN ('old-1', 'old-2');
                DELETE FROM pending_events WHERE seq IN (SELECT seq FROM batch_members);
                PRAGMA user_version = 3;
            """);

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
    public async Task BatchesWhoseMembersNamedThemByIdAreNumberedAndReadBackTheSame()
    {
        var events = new[] { "e-1", "e-2", "e-3", "e-4" }.Select(id => Sample.Event(id, "org-a") with { ViewId = "view-" + id }).ToArray();
        // Two batches as the previous release wrote them: no numbers, members naming the batch's id.
        await StoreThenRewriteAsync(events, $"""
                {PreviousMembersLayout}
                INSERT INTO anchor_batches (batch_id, org_id, event_ids, view_ids, created_at, search_from_block, first_seq, last_seq, block_number)
                VALUES ('0xfirst', 'org-a', '[]', '[]', 0, 7, 1, 3, 12), ('0xsecond', 'org-a', '[]', '[]', 1, 7, 4, 4, NULL);
                INSERT INTO batch_members (seq, batch_id, leaf_index)
                    SELECT seq, CASE WHEN event_id = 'e-4' THEN '0xsecond' ELSE '0xfirst' END, CASE WHEN event_id = 'e-4' THEN 0 ELSE 3 - seq END
                    FROM events;
                DELETE FROM pending_events;
                PRAGMA user_version = 4;
            """);

        await using var upgraded = new SqliteTraceStore(_path);
        await upgraded.InitializeAsync(Ct);
        Assert.Equal(["e-3", "e-2", "e-1"], (await upgraded.GetBatchAsync("0xfirst", Ct))!.EventIds);
        Assert.Equal(["view-e-3", "view-e-2", "view-e-1"], (await upgraded.GetBatchAsync("0xfirst", Ct))!.ViewIds);
        Assert.Equal(0, (await upgraded.GetEventAnchorAsync("e-3", Ct))!.LeafIndex);
        Assert.Equal("0xsecond", (await upgraded.GetEventAnchorsAsync(["e-4"], Ct))["e-4"].Batch!.BatchId);
        Assert.Equal(1, (await upgraded.GetStatsAsync(Ct)).UnanchoredEvents);

        // A batch made after the upgrade takes the next number and reads back beside them.
        await upgraded.AppendAsync(new CaptureWrite([Sample.Event("e-5", "org-a") with { ViewId = "view-e-5" }], [], null), Ct);
        await upgraded.CreateBatchAsync(new AnchorBatch("0xthird", "org-a", ["e-5"], Sample.T0, 9) { ViewIds = ["view-e-5"] }, Ct);
        Assert.Equal(["e-5"], (await upgraded.GetBatchAsync("0xthird", Ct))!.EventIds);
        Assert.Equal(["e-4"], (await upgraded.GetBatchAsync("0xsecond", Ct))!.EventIds);
        Assert.Equal(2, (await upgraded.GetStatsAsync(Ct)).UnanchoredEvents);
    }

    /// <summary>Stores the events with this release, then rewrites the file with <paramref name="sql"/> (an older release's layout).</summary>
    private async Task StoreThenRewriteAsync(StoredEvent[] events, string sql)
    {
        await using (var store = new SqliteTraceStore(_path))
        {
            await store.InitializeAsync(Ct);
            await store.AppendAsync(new CaptureWrite(events, [], null), Ct);
        }
        SqliteConnection.ClearAllPools();
        await using var old = new SqliteConnection($"Data Source={_path};Pooling=False");
        await old.OpenAsync(Ct);
        await using var cmd = old.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    // The members table and batch columns as the release before batch numbers had them.
    private const string PreviousMembersLayout = """
        DROP TABLE batch_members;
        CREATE TABLE batch_members (seq INTEGER PRIMARY KEY, batch_id TEXT NOT NULL, leaf_index INTEGER NOT NULL);
        CREATE INDEX batch_members_by_batch ON batch_members(batch_id, leaf_index);
        DROP INDEX batches_by_no;
        ALTER TABLE anchor_batches DROP COLUMN batch_no;
        """;

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
