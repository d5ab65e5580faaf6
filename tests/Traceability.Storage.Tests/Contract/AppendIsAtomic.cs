using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

public abstract class AppendIsAtomic<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task EventsLotsAndTheJobWrittenTogetherAreAllVisible()
    {
        var store = Store;
        var commissioning = Sample.Event(Sample.Unique("evt"));
        var shipping = Sample.Event(Sample.Unique("evt")) with { BizStep = "shipping" };
        var lot = Sample.Lot(Sample.LotKey(Sample.Unique("lot")), commissioning.EventId);
        var job = Sample.Job(Sample.Unique("capture"), commissioning.EventId, shipping.EventId);

        await store.AppendAsync(new CaptureWrite([commissioning, shipping], [lot], job), Ct);

        Assert.NotNull(await store.GetEventAsync(commissioning.EventId, Ct));
        Assert.NotNull(await store.GetEventAsync(shipping.EventId, Ct));
        Assert.Equal(lot, (await store.GetLotsAsync([lot.LotKey], Ct))[lot.LotKey]);
        Assert.Equal([commissioning.EventId, shipping.EventId], (await store.GetCaptureJobAsync(job.CaptureId, Ct))!.EventIds);
    }

    [Fact]
    public async Task AWriteRejectedPartWayLeavesNoEventLotOrJobBehind()
    {
        var store = Store;
        var evt = Sample.Event(Sample.Unique("evt"));
        var lot = Sample.Lot(Sample.LotKey(Sample.Unique("lot")), evt.EventId);
        var job = Sample.Job(Sample.Unique("capture"), evt.EventId);
        var eventsBefore = (await store.GetStatsAsync(Ct)).Events;

        await Assert.ThrowsAnyAsync<Exception>(() => store.AppendAsync(Fixture.RejectedAfterTheEvents(evt, lot, job), Ct));

        Assert.Null(await store.GetEventAsync(evt.EventId, Ct));
        Assert.Empty(await store.GetLotsAsync([lot.LotKey], Ct));
        Assert.Null(await store.GetCaptureJobAsync(job.CaptureId, Ct));
        Assert.Equal(eventsBefore, (await store.GetStatsAsync(Ct)).Events);
    }

    [Fact]
    public async Task AnEventFromARejectedWriteIsNewWhenAppendedAgain()
    {
        var store = Store;
        var evt = Sample.Event(Sample.Unique("evt"));
        var lot = Sample.Lot(Sample.LotKey(Sample.Unique("lot")), evt.EventId);
        var job = Sample.Job(Sample.Unique("capture"), evt.EventId);
        await Assert.ThrowsAnyAsync<Exception>(() => store.AppendAsync(Fixture.RejectedAfterTheEvents(evt, lot, job), Ct));

        var retry = await store.AppendAsync(new CaptureWrite([evt], [lot], job), Ct);

        Assert.Equal([evt.EventId], retry.NewEventIds);
        Assert.Empty(retry.ExistingEventIds);
    }
}

public sealed class AppendIsAtomicOnSqlite(SqliteStoreFixture fixture) : AppendIsAtomic<SqliteStoreFixture>(fixture);

public sealed class AppendIsAtomicOnMongo(MongoStoreFixture fixture) : AppendIsAtomic<MongoStoreFixture>(fixture);
