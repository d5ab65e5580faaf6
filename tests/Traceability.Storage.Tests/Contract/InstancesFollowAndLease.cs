using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

/// <summary>What several API instances on one store rely on: a change feed in commit order, and leases.</summary>
public abstract class InstancesFollowAndLease<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task EveryWriteRecordsItsChangeInOrderWithTheRangeOfNewEvents()
    {
        var store = Store;
        var start = await store.LatestChangeAsync(Ct);
        var events = new[] { Sample.Event(Sample.Unique("evt")), Sample.Event(Sample.Unique("evt")) };

        await store.AppendAsync(new CaptureWrite(events, [], null), Ct);
        await store.AddRecallAsync(NewRecall(), Ct);

        var changes = await store.ReadChangesAsync(start, 100, Ct);
        var appended = changes.Single(c => c.Kind == "events");
        Assert.Equal(store.InstanceId, appended.Instance);
        var first = (await store.GetEventAsync(events[0].EventId, Ct))!.Sequence;
        var last = (await store.GetEventAsync(events[1].EventId, Ct))!.Sequence;
        Assert.Equal((first, last), (appended.FirstEvent, appended.LastEvent));
        Assert.Contains(changes, c => c.Kind == "recall");
        Assert.Equal(changes.Select(c => c.Seq).Order(), changes.Select(c => c.Seq));
        Assert.Equal(changes[^1].Seq, await store.LatestChangeAsync(Ct));
    }

    [Fact]
    public async Task ALeaseIsHeldByOneHolderUntilItExpiresOrIsReleased()
    {
        var store = Store;
        var name = Sample.Unique("lease");

        Assert.True(await store.TryAcquireLeaseAsync(name, "a", TimeSpan.FromMinutes(1), Ct));
        Assert.True(await store.TryAcquireLeaseAsync(name, "a", TimeSpan.FromMinutes(1), Ct)); // renewed
        Assert.False(await store.TryAcquireLeaseAsync(name, "b", TimeSpan.FromMinutes(1), Ct));
        await store.ReleaseLeaseAsync(name, "b", Ct); // not b's to release
        Assert.False(await store.TryAcquireLeaseAsync(name, "b", TimeSpan.FromMinutes(1), Ct));
        await store.ReleaseLeaseAsync(name, "a", Ct);
        Assert.True(await store.TryAcquireLeaseAsync(name, "b", TimeSpan.FromMilliseconds(1), Ct));
        await Task.Delay(20, Ct);
        Assert.True(await store.TryAcquireLeaseAsync(name, "a", TimeSpan.FromMinutes(1), Ct)); // b's expired
    }

    private static Recall NewRecall() => new(Sample.Unique("rcl"), new RecalledLot(Sample.LotKey("R"), "09521234543213", "R"), "test",
        RecallClassification.II, "org-regulator", Sample.T0, [], [], []);
}

public sealed class InstancesFollowAndLeaseOnSqlite(SqliteStoreFixture fixture) : InstancesFollowAndLease<SqliteStoreFixture>(fixture);

public sealed class InstancesFollowAndLeaseOnMongo(MongoStoreFixture fixture) : InstancesFollowAndLease<MongoStoreFixture>(fixture);
