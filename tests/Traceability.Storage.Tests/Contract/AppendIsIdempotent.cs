using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

public abstract class AppendIsIdempotent<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task TheSameEventAppendedTwiceIsStoredOnceAndReportedExisting()
    {
        var store = Store;
        var org = Sample.Unique("org");
        var evt = Sample.Event(Sample.Unique("evt"), org);

        var first = await store.AppendAsync(new CaptureWrite([evt], [], null), Ct);
        var sequence = (await store.GetEventAsync(evt.EventId, Ct))!.Sequence;
        var second = await store.AppendAsync(new CaptureWrite([evt], [], null), Ct);

        Assert.Equal([evt.EventId], first.NewEventIds);
        Assert.Empty(first.ExistingEventIds);
        Assert.Empty(second.NewEventIds);
        Assert.Equal([evt.EventId], second.ExistingEventIds);
        Assert.Equal(sequence, (await store.GetEventAsync(evt.EventId, Ct))!.Sequence);
        Assert.Single((await store.QueryEventsAsync(new EventQuery { OrgId = org }, Ct)).Events);
    }

    [Fact]
    public async Task ARepeatedEventKeepsWhatWasStoredFirst()
    {
        var store = Store;
        var evt = Sample.Event(Sample.Unique("evt"));
        await store.AppendAsync(new CaptureWrite([evt], [], null), Ct);

        var changed = evt with { Json = """{"changed":true}""", BizStep = "shipping" };
        await store.AppendAsync(new CaptureWrite([changed], [], null), Ct);

        var stored = (await store.GetEventAsync(evt.EventId, Ct))!;
        Assert.Equal(evt.Json, stored.Json);
        Assert.Equal(evt.BizStep, stored.BizStep);
    }

    [Fact]
    public async Task AnEventRepeatedInsideOneBatchIsStoredOnce()
    {
        var store = Store;
        var org = Sample.Unique("org");
        var evt = Sample.Event(Sample.Unique("evt"), org);

        var result = await store.AppendAsync(new CaptureWrite([evt, evt], [], null), Ct);

        Assert.Equal([evt.EventId], result.NewEventIds);
        Assert.Equal([evt.EventId], result.ExistingEventIds);
        Assert.Single((await store.QueryEventsAsync(new EventQuery { OrgId = org }, Ct)).Events);
    }

    [Fact]
    public async Task ABatchMixingKnownAndNewEventsAddsOnlyTheNewOnes()
    {
        var store = Store;
        var org = Sample.Unique("org");
        var known = Sample.Event(Sample.Unique("known"), org);
        var firstNew = Sample.Event(Sample.Unique("new"), org);
        var secondNew = Sample.Event(Sample.Unique("new"), org);
        await store.AppendAsync(new CaptureWrite([known], [], null), Ct);

        var result = await store.AppendAsync(new CaptureWrite([firstNew, known, secondNew], [], null), Ct);

        Assert.Equal([firstNew.EventId, secondNew.EventId], result.NewEventIds);
        Assert.Equal([known.EventId], result.ExistingEventIds);
        var stored = (await store.QueryEventsAsync(new EventQuery { OrgId = org }, Ct)).Events;
        Assert.Equal([known.EventId, firstNew.EventId, secondNew.EventId], stored.Select(e => e.EventId));
    }

    [Fact]
    public async Task SequencesIncreaseInAppendOrder()
    {
        var store = Store;
        var ids = Enumerable.Range(0, 4).Select(_ => Sample.Unique("evt")).ToList();
        await store.AppendAsync(new CaptureWrite([Sample.Event(ids[0]), Sample.Event(ids[1])], [], null), Ct);
        await store.AppendAsync(new CaptureWrite([Sample.Event(ids[2])], [], null), Ct);
        await store.AppendAsync(new CaptureWrite([Sample.Event(ids[3])], [], null), Ct);

        var sequences = new List<long>();
        foreach (var id in ids) sequences.Add((await store.GetEventAsync(id, Ct))!.Sequence);

        Assert.True(sequences[0] > 0);
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
    }
}

public sealed class AppendIsIdempotentOnSqlite(SqliteStoreFixture fixture) : AppendIsIdempotent<SqliteStoreFixture>(fixture);

public sealed class AppendIsIdempotentOnMongo(MongoStoreFixture fixture) : AppendIsIdempotent<MongoStoreFixture>(fixture);
