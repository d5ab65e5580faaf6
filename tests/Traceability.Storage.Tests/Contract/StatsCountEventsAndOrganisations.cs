using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

public abstract class StatsCountEventsAndOrganisations<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task StatsCountStoredEventsAndOrganisationsOnly()
    {
        var store = Store;
        var before = await store.GetStatsAsync(Ct);
        var first = Sample.Organisation();
        await store.AddOrganisationAsync(first, Ct);
        await store.AddOrganisationAsync(Sample.Organisation(), Ct);
        await Assert.ThrowsAsync<DuplicateException>(() => store.AddOrganisationAsync(first, Ct));
        var events = Enumerable.Range(0, 3).Select(_ => Sample.Event(Sample.Unique("evt"))).ToArray();
        await store.AppendAsync(new CaptureWrite(events, [], null), Ct);
        await store.AppendAsync(new CaptureWrite([events[0]], [], null), Ct);

        var after = await store.GetStatsAsync(Ct);

        Assert.Equal(before.Events + 3, after.Events);
        Assert.Equal(before.Organisations + 2, after.Organisations);
    }

    [Fact]
    public async Task StatsNameTheKindOfStore()
    {
        var store = Store;

        Assert.Equal(Fixture.Kind, (await store.GetStatsAsync(Ct)).Kind);
    }
}

public sealed class StatsCountEventsAndOrganisationsOnSqlite(SqliteStoreFixture fixture) : StatsCountEventsAndOrganisations<SqliteStoreFixture>(fixture);

public sealed class StatsCountEventsAndOrganisationsOnMongo(MongoStoreFixture fixture) : StatsCountEventsAndOrganisations<MongoStoreFixture>(fixture);
