using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

public abstract class AnchorBatchesTrackEvents<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    private async Task<(string OrgId, string[] EventIds)> AppendPendingAsync(int count)
    {
        var org = Sample.Unique("org");
        var events = Enumerable.Range(0, count).Select(_ => Sample.Unique("evt"))
            .Select(id => Sample.Event(id, org) with { ViewId = ViewOf(id) }).ToArray();
        await Store.AppendAsync(new CaptureWrite(events, [], null), Ct);
        return (org, events.Select(e => e.EventId).ToArray());
    }

    // Each event's consumer view id as capture stored it; a batch anchors exactly those (the worker reads them from pending).
    private static string ViewOf(string eventId) => "view-" + eventId;

    private static AnchorBatch Batch(string orgId, IReadOnlyList<string> eventIds, ulong fromBlock = 7) =>
        new(Sample.Unique("0xroot"), orgId, eventIds, Sample.T0, fromBlock) { ViewIds = eventIds.Select(ViewOf).ToList() };

    private async Task<string[]> PendingIdsAsync(string org, int max) =>
        (await Store.GetPendingEventsAsync(org, max, Ct)).Select(e => e.EventId).ToArray();

    private static AnchorReceipt Receipt(ulong block) => new("0x" + new string('a', 64), block, "0x" + new string('b', 40), Sample.T0.AddSeconds(1));

    [Fact]
    public async Task NewEventsArePendingForTheirOrganisationOldestFirst()
    {
        var store = Store;
        var (org, ids) = await AppendPendingAsync(5);

        Assert.Equal(ids, await PendingIdsAsync(org, 10));
        Assert.Equal(ids[..2], await PendingIdsAsync(org, 2));
        var backlog = Assert.Single(await store.GetPendingBacklogAsync(Ct), b => b.OrgId == org);
        Assert.Equal(5, backlog.Count);
        Assert.Equal(Sample.T0.AddSeconds(5), backlog.OldestRecordTime);
    }

    [Fact]
    public async Task ABatchGivesItsEventsLeafIndexesAndTakesThemOutOfPending()
    {
        var store = Store;
        var (org, ids) = await AppendPendingAsync(4);
        var batch = Batch(org, ids[..3]);

        await store.CreateBatchAsync(batch, Ct);

        Assert.Equal([ids[3]], await PendingIdsAsync(org, 10));
        var anchor = await store.GetEventAnchorAsync(ids[2], Ct);
        Assert.Equal(2, anchor!.LeafIndex);
        Assert.Equal(batch.EventIds, anchor.Batch!.EventIds);
        Assert.Equal(batch.ViewIds, anchor.Batch.ViewIds);
        Assert.Equal(6, anchor.Batch.TreeSize);
        Assert.False(anchor.IsAnchored);
        Assert.Contains(await store.GetUnanchoredBatchesAsync(Ct), b => b.BatchId == batch.BatchId && b.SearchFromBlock == 7);
    }

    [Fact]
    public async Task AnEventCannotJoinASecondBatch()
    {
        var store = Store;
        var (org, ids) = await AppendPendingAsync(3);
        await store.CreateBatchAsync(Batch(org, ids[..2]), Ct);
        var overlapping = Batch(org, [ids[2], ids[1]]);

        await Assert.ThrowsAsync<DuplicateException>(() => store.CreateBatchAsync(overlapping, Ct));

        Assert.Null(await store.GetBatchAsync(overlapping.BatchId, Ct));
        Assert.Equal([ids[2]], await PendingIdsAsync(org, 10));
        Assert.Null((await store.GetEventAnchorAsync(ids[2], Ct))!.LeafIndex);
    }

    [Fact]
    public async Task ABatchNamingAnEventTwiceOrAnUnknownEventIsRefusedWhole()
    {
        var store = Store;
        var (org, ids) = await AppendPendingAsync(3);
        var repeated = Batch(org, [ids[0], ids[1], ids[0]]);
        var unknown = Batch(org, [ids[2], "ni:///sha-256;" + new string('0', 64) + "?ver=CBV2.0"]);

        await Assert.ThrowsAsync<DuplicateException>(() => store.CreateBatchAsync(repeated, Ct));
        await Assert.ThrowsAsync<DuplicateException>(() => store.CreateBatchAsync(unknown, Ct));

        Assert.Null(await store.GetBatchAsync(repeated.BatchId, Ct));
        Assert.Null(await store.GetBatchAsync(unknown.BatchId, Ct));
        Assert.Equal(ids, await PendingIdsAsync(org, 10));
    }

    [Fact]
    public async Task CompletingABatchAnchorsEveryMemberAndShrinksTheBacklog()
    {
        var store = Store;
        var (org, ids) = await AppendPendingAsync(3);
        var batch = Batch(org, ids);
        await store.CreateBatchAsync(batch, Ct);
        await store.RecordBatchSentAsync(batch.BatchId, "0x" + new string('c', 64), Ct);
        Assert.Equal("0x" + new string('c', 64), (await store.GetBatchAsync(batch.BatchId, Ct))!.TxHash);
        var backlogBefore = (await store.GetStatsAsync(Ct)).UnanchoredEvents;

        await store.CompleteBatchAsync(batch.BatchId, Receipt(42), Ct);
        await store.CompleteBatchAsync(batch.BatchId, Receipt(42), Ct); // idempotent

        foreach (var id in ids) Assert.True((await store.GetEventAnchorAsync(id, Ct))!.IsAnchored);
        var stored = (await store.GetBatchAsync(batch.BatchId, Ct))!;
        Assert.Equal((42UL, Receipt(42).TxHash, Receipt(42).AnchoredBy), (stored.BlockNumber!.Value, stored.TxHash, stored.AnchoredBy));
        Assert.Equal(backlogBefore - 3, (await store.GetStatsAsync(Ct)).UnanchoredEvents);
        Assert.DoesNotContain(await store.GetUnanchoredBatchesAsync(Ct), b => b.BatchId == batch.BatchId);
    }

    [Fact]
    public async Task AReopenedBatchIsUnanchoredAgainButKeepsItsMembers()
    {
        var store = Store;
        var (org, ids) = await AppendPendingAsync(2);
        var batch = Batch(org, ids);
        await store.CreateBatchAsync(batch, Ct);
        await store.CompleteBatchAsync(batch.BatchId, Receipt(900_000_000), Ct);
        Assert.Contains(await store.GetBatchesAnchoredAboveAsync(899_999_999, Ct), b => b.BatchId == batch.BatchId);

        await store.ReopenBatchAsync(batch.BatchId, Ct);

        var anchor = (await store.GetEventAnchorAsync(ids[1], Ct))!;
        Assert.False(anchor.IsAnchored);
        Assert.Equal(1, anchor.LeafIndex);
        Assert.Null(anchor.Batch!.TxHash);
        Assert.Contains(await store.GetUnanchoredBatchesAsync(Ct), b => b.BatchId == batch.BatchId);
        Assert.DoesNotContain(await store.GetBatchesAnchoredAboveAsync(899_999_999, Ct), b => b.BatchId == batch.BatchId);
        Assert.Empty(await PendingIdsAsync(org, 10));
    }

    [Fact]
    public async Task AnUnknownEventHasNoAnchor()
    {
        Assert.Null(await Store.GetEventAnchorAsync(Sample.Unique("missing"), Ct));
    }
}

public sealed class AnchorBatchesTrackEventsOnSqlite(SqliteStoreFixture fixture) : AnchorBatchesTrackEvents<SqliteStoreFixture>(fixture);

public sealed class AnchorBatchesTrackEventsOnMongo(MongoStoreFixture fixture) : AnchorBatchesTrackEvents<MongoStoreFixture>(fixture);
