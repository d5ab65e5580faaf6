using Traceability.Domain.Trust;
using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

/// <summary>What the trust model records at capture survives the store: standing, parties, custody chains, container contents, claims.</summary>
public abstract class TrustStateIsKept<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task AnEventKeepsItsStandingPartiesViewAndReceiptFlag()
    {
        var store = Store;
        var evt = Sample.Event(Sample.Unique("evt")) with
        {
            Standing = EventStanding.ThirdParty, PartyGlns = ["9521234000006"], Unconfirmed = true, ViewId = Sample.Unique("view"),
        };

        await store.AppendAsync(new CaptureWrite([evt], [], null), Ct);

        var stored = (await store.GetEventAsync(evt.EventId, Ct))!;
        Assert.Equal(EventStanding.ThirdParty, stored.Standing);
        Assert.Equal(["9521234000006"], stored.PartyGlns);
        Assert.True(stored.Unconfirmed);
        Assert.Equal(evt.ViewId, stored.ViewId);
        Assert.Equal(evt.ViewId, Assert.Single(await store.GetPendingEventsAsync(evt.OrgId, 1000, Ct), p => p.EventId == evt.EventId).ViewId);
        var facts = await store.GetStoredFactsAsync([evt.EventId, Sample.Unique("evt")], Ct);
        Assert.Equal(new Domain.Capture.StoredEventFacts(evt.EventId, evt.OrgId, false), Assert.Single(facts).Value);
    }

    [Fact]
    public async Task ALotKeepsItsCustodyChainAndWhatMarksItAndCanBeVoided()
    {
        var store = Store;
        var lot = Sample.Lot(Sample.LotKey(Sample.Unique("lot")), "evt-1") with
        {
            Custodians = ["org-producer", "org-shop"], NonConformant = true, NonConformantBy = ["evt-2", "evt-3"],
        };

        await store.AppendAsync(new CaptureWrite([], [lot], null), Ct);
        Assert.Equal(lot, (await store.GetLotsAsync([lot.LotKey], Ct))[lot.LotKey]);

        await store.AppendAsync(new CaptureWrite([], [], null) { RemovedLots = [lot.LotKey] }, Ct);
        Assert.Empty(await store.GetLotsAsync([lot.LotKey], Ct));
    }

    [Fact]
    public async Task ContainersHoldWhatWasPackedUntilUnpacked()
    {
        var store = Store;
        var pallet = "/00/" + Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999);
        var lots = new[] { Sample.LotKey("A"), Sample.LotKey("B") };

        await store.AppendAsync(new CaptureWrite([], [], null) { Containers = new Dictionary<string, IReadOnlyList<string>> { [pallet] = lots } }, Ct);
        Assert.Equal(lots, (await store.GetContainerContentsAsync([pallet, "/00/000000000000000000"], Ct))[pallet]);

        await store.AppendAsync(new CaptureWrite([], [], null) { Containers = new Dictionary<string, IReadOnlyList<string>> { [pallet] = [] } }, Ct);
        Assert.Empty(await store.GetContainerContentsAsync([pallet], Ct));
    }

    [Fact]
    public async Task AGtinIsClaimedOnceAndOnlyItsOwnerUpdatesIt()
    {
        var store = Store;
        var gtin = Sample.Unique("gtin");
        var mine = new Product(gtin, "org-a", new Dictionary<string, string> { ["en"] = "mine" }, new Dictionary<string, string>(), new Dictionary<string, string>(), null, null, null);

        Assert.Equal("org-a", (await store.ClaimProductAsync(mine, Ct)).OwnerOrgId);
        var theirs = await store.ClaimProductAsync(mine with { OwnerOrgId = "org-b", Name = new Dictionary<string, string> { ["en"] = "theirs" } }, Ct);
        var updated = await store.ClaimProductAsync(mine with { Name = new Dictionary<string, string> { ["en"] = "renamed" } }, Ct);

        Assert.Equal("org-a", theirs.OwnerOrgId);
        Assert.Equal("mine", theirs.Name["en"]);
        Assert.Equal("renamed", updated.Name["en"]);
        Assert.Equal("renamed", (await store.GetProductsAsync([gtin, "nope"], Ct))[gtin].Name["en"]);
    }

    [Fact]
    public async Task ManyEventsAnchorsAreReadTogether()
    {
        var store = Store;
        var events = new[] { Sample.Event(Sample.Unique("evt")), Sample.Event(Sample.Unique("evt")) };
        await store.AppendAsync(new CaptureWrite(events, [], null), Ct);

        var anchors = await store.GetEventAnchorsAsync([events[0].EventId, events[1].EventId, "unknown"], Ct);

        Assert.Equal(2, anchors.Count);
        Assert.All(anchors.Values, a => Assert.Null(a.Batch));
    }
}

public sealed class TrustStateIsKeptOnSqlite(SqliteStoreFixture fixture) : TrustStateIsKept<SqliteStoreFixture>(fixture);

public sealed class TrustStateIsKeptOnMongo(MongoStoreFixture fixture) : TrustStateIsKept<MongoStoreFixture>(fixture);
