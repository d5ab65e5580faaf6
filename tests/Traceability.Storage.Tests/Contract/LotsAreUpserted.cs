using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

public abstract class LotsAreUpserted<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task TheFirstWriteOfALotInsertsIt()
    {
        var store = Store;
        var lot = Sample.Lot(Sample.LotKey(Sample.Unique("lot")), Sample.Unique("evt"));

        await store.AppendAsync(new CaptureWrite([], [lot], null), Ct);

        Assert.Equal(lot, (await store.GetLotsAsync([lot.LotKey], Ct))[lot.LotKey]);
    }

    [Fact]
    public async Task ALaterWriteUpdatesCustodyAndConformanceButKeepsTheFirstEvent()
    {
        var store = Store;
        var inserted = Sample.Lot(Sample.LotKey(Sample.Unique("lot")), "evt-commissioning");
        await store.AppendAsync(new CaptureWrite([], [inserted], null), Ct);

        var read = (await store.GetLotsAsync([inserted.LotKey], Ct))[inserted.LotKey];
        var update = read with
        {
            HolderOrgId = null, PendingReceiverOrgId = "org-retailer", NonConformant = true,
            FirstEventId = "evt-shipping", LastEventId = "evt-shipping",
        };
        await store.AppendAsync(new CaptureWrite([], [update], null), Ct);

        var stored = (await store.GetLotsAsync([inserted.LotKey], Ct))[inserted.LotKey];
        Assert.Equal(update with { FirstEventId = "evt-commissioning" }, stored);
    }

    [Fact]
    public async Task CustodyCanMoveBackToAHolder()
    {
        var store = Store;
        var pending = Sample.Lot(Sample.LotKey(Sample.Unique("lot")), "evt-1") with
        {
            HolderOrgId = null, PendingReceiverOrgId = "org-retailer",
        };
        await store.AppendAsync(new CaptureWrite([], [pending], null), Ct);

        var read = (await store.GetLotsAsync([pending.LotKey], Ct))[pending.LotKey];
        var received = read with { HolderOrgId = "org-retailer", PendingReceiverOrgId = null, LastEventId = "evt-2" };
        await store.AppendAsync(new CaptureWrite([], [received], null), Ct);

        Assert.Equal(received, (await store.GetLotsAsync([pending.LotKey], Ct))[pending.LotKey]);
    }

    [Fact]
    public async Task AWriteDecidedOnAnOlderVersionIsRefusedAndChangesNothing()
    {
        var store = Store;
        var lot = Sample.Lot(Sample.LotKey(Sample.Unique("lot")), "evt-1");
        await store.AppendAsync(new CaptureWrite([], [lot], null), Ct);
        var read = (await store.GetLotsAsync([lot.LotKey], Ct))[lot.LotKey];
        await store.AppendAsync(new CaptureWrite([], [read with { LastEventId = "evt-first-writer" }], null), Ct);
        var evt = Sample.Event(Sample.Unique("evt"));

        // A second writer decided on the same read: its whole write is refused, its event included.
        await Assert.ThrowsAsync<StoreConflictException>(() =>
            store.AppendAsync(new CaptureWrite([evt], [read with { LastEventId = "evt-second-writer" }], null), Ct));
        await Assert.ThrowsAsync<StoreConflictException>(() => store.AppendAsync(new CaptureWrite([], [lot], null), Ct)); // created meanwhile

        Assert.Equal("evt-first-writer", (await store.GetLotsAsync([lot.LotKey], Ct))[lot.LotKey].LastEventId);
        Assert.Null(await store.GetEventAsync(evt.EventId, Ct));
    }

    [Fact]
    public async Task OnlyKnownLotsAreReturned()
    {
        var store = Store;
        var known = Sample.Lot(Sample.LotKey(Sample.Unique("lot")), "evt-1");
        var other = Sample.Lot(Sample.LotKey(Sample.Unique("lot")), "evt-2");
        await store.AppendAsync(new CaptureWrite([], [known, other], null), Ct);

        var lots = await store.GetLotsAsync([known.LotKey, Sample.LotKey(Sample.Unique("unknown"))], Ct);

        Assert.Equal([known.LotKey], lots.Keys);
        Assert.Empty(await store.GetLotsAsync([], Ct));
    }
}

public sealed class LotsAreUpsertedOnSqlite(SqliteStoreFixture fixture) : LotsAreUpserted<SqliteStoreFixture>(fixture);

public sealed class LotsAreUpsertedOnMongo(MongoStoreFixture fixture) : LotsAreUpserted<MongoStoreFixture>(fixture);
