using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

public abstract class ErrorDeclarationsReplaceTheStoredJson<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task ADeclaredEventKeepsItsPlaceAndGainsTheDeclaration()
    {
        var store = Store;
        var evt = Sample.Event(Sample.Unique("evt"));
        await store.AppendAsync(new CaptureWrite([evt], [], null), Ct);
        var before = (await store.GetEventAsync(evt.EventId, Ct))!;
        var declaredJson = """{"type":"ObjectEvent","errorDeclaration":{"declarationTime":"2026-11-20T10:00:00Z","reason":"incorrect_data"}}""";

        var result = await store.AppendAsync(new CaptureWrite([], [], null, [new DeclaredError(evt.EventId, declaredJson)]), Ct);

        Assert.Empty(result.NewEventIds);
        var after = (await store.GetEventAsync(evt.EventId, Ct))!;
        Assert.Equal(declaredJson, after.Json);
        Assert.Equal(before.Sequence, after.Sequence);
        Assert.Equal(before with { Json = declaredJson, Declared = true, Epcs = [], EpcClasses = [], LotKeys = [], PartyGlns = [] }, after with { Epcs = [], EpcClasses = [], LotKeys = [], PartyGlns = [] });
        Assert.True(after.Declared);
        Assert.Equal(before.LotKeys, after.LotKeys);
    }

    [Fact]
    public async Task DeclaringAnUnknownEventWritesNothingElseOfTheCapture()
    {
        var store = Store;
        var fresh = Sample.Event(Sample.Unique("evt"));
        var unknown = new DeclaredError(Sample.Unique("evt"), "{}");

        await Assert.ThrowsAnyAsync<Exception>(() => store.AppendAsync(new CaptureWrite([fresh], [], null, [unknown]), Ct));

        Assert.Null(await store.GetEventAsync(fresh.EventId, Ct));
    }
}

public sealed class ErrorDeclarationsReplaceTheStoredJsonOnSqlite(SqliteStoreFixture fixture) : ErrorDeclarationsReplaceTheStoredJson<SqliteStoreFixture>(fixture);

public sealed class ErrorDeclarationsReplaceTheStoredJsonOnMongo(MongoStoreFixture fixture) : ErrorDeclarationsReplaceTheStoredJson<MongoStoreFixture>(fixture);
