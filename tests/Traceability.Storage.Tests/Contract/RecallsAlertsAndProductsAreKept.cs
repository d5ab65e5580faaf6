using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

public abstract class RecallsAlertsAndProductsAreKept<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    private static RecalledLot Lot(string lot) => new(Sample.LotKey(lot), "09521234543213", lot);

    private static Recall NewRecall(string origin, string[] affected, string[] parties, DateTimeOffset? at = null) => new(
        Sample.Unique("rcl"), Lot(origin), "chlorpyrifos above the limit", RecallClassification.I, "org-regulator",
        at ?? Sample.T0, affected.Select(Lot).ToList(), parties, ["0x" + new string('1', 64)]);

    [Fact]
    public async Task ARecallIsFoundByIdByEveryLotItNamesAndByItsParties()
    {
        var store = Store;
        var (origin, downstream, shop) = (Sample.Unique("lot"), Sample.Unique("lot"), Sample.Unique("org"));
        var recall = NewRecall(origin, [downstream], [shop]);

        await store.AddRecallAsync(recall, Ct);

        var stored = await store.GetRecallAsync(recall.Id, Ct);
        Assert.Equal(recall with { AffectedLots = [], PartyOrgIds = [], TxHashes = [], AffectedUnits = [] }, stored! with { AffectedLots = [], PartyOrgIds = [], TxHashes = [], AffectedUnits = [] });
        Assert.Equal(recall.AffectedUnits, stored.AffectedUnits);
        Assert.Equal(recall.AffectedLots, stored.AffectedLots);
        Assert.Equal(recall.TxHashes, stored.TxHashes);
        Assert.Equal(recall.Id, Assert.Single(await store.GetRecallsForLotAsync(Sample.LotKey(origin), Ct)).Id);
        Assert.Equal(recall.Id, Assert.Single(await store.GetRecallsForLotAsync(Sample.LotKey(downstream), Ct)).Id);
        Assert.Equal(recall.Id, Assert.Single(await store.ListRecallsAsync(shop, Ct)).Id);
        Assert.Contains(await store.ListRecallsAsync(null, Ct), r => r.Id == recall.Id);
        Assert.Empty(await store.GetRecallsForLotAsync(Sample.LotKey(Sample.Unique("lot")), Ct));
    }

    [Fact]
    public async Task RecallsAreListedNewestFirstAndIdsAreUnique()
    {
        var store = Store;
        var shop = Sample.Unique("org");
        var older = NewRecall(Sample.Unique("lot"), [], [shop], Sample.T0);
        var newer = NewRecall(Sample.Unique("lot"), [], [shop], Sample.T0.AddHours(1));
        await store.AddRecallAsync(older, Ct);
        await store.AddRecallAsync(newer, Ct);

        Assert.Equal([newer.Id, older.Id], (await store.ListRecallsAsync(shop, Ct)).Select(r => r.Id));
        await Assert.ThrowsAsync<DuplicateException>(() => store.AddRecallAsync(older, Ct));
    }

    [Fact]
    public async Task ARecallIsLiftedOnceAndStaysFoundByItsLots()
    {
        var store = Store;
        var origin = Sample.Unique("lot");
        var recall = NewRecall(origin, [], ["org-shop"]);
        await store.AddRecallAsync(recall, Ct);
        var lifting = new RecallLifting("org-regulator", "re-test within limits", Sample.T0.AddDays(2), ["0x" + new string('2', 64)]);
        var again = new RecallLifting("org-other", "second try", Sample.T0.AddDays(3), []);

        Assert.True(await store.LiftRecallAsync(recall.Id, lifting, Ct));
        Assert.False(await store.LiftRecallAsync(recall.Id, again, Ct));
        Assert.False(await store.LiftRecallAsync(Sample.Unique("rcl"), lifting, Ct));

        var stored = (await store.GetRecallAsync(recall.Id, Ct))!;
        Assert.False(stored.IsActive);
        Assert.Equal(lifting with { TxHashes = [] }, stored.Lifted! with { TxHashes = [] });
        Assert.Equal(lifting.TxHashes, stored.Lifted!.TxHashes);
        Assert.False(Assert.Single(await store.GetRecallsForLotAsync(Sample.LotKey(origin), Ct)).IsActive);
    }

    [Fact]
    public async Task AcknowledgementsAreOnePerPartyAndAccumulateAcrossParties()
    {
        var store = Store;
        var recall = NewRecall(Sample.Unique("lot"), [], ["org-shop", "org-other"]);
        await store.AddRecallAsync(recall, Ct);
        var first = new RecallAcknowledgement(recall.Id, "org-shop", 12, "EA", "shelf cleared", Sample.T0);
        var other = new RecallAcknowledgement(recall.Id, "org-other", 3.5m, "KGM", null, Sample.T0.AddMinutes(5));
        var corrected = new RecallAcknowledgement(recall.Id, "org-shop", 14, "EA", "two more in the back", Sample.T0.AddMinutes(9));

        Assert.False(await store.SaveAcknowledgementAsync(first, Ct));
        Assert.False(await store.SaveAcknowledgementAsync(other, Ct));
        Assert.True(await store.SaveAcknowledgementAsync(corrected, Ct));

        var stored = await store.GetAcknowledgementsAsync(recall.Id, Ct);
        Assert.Equal(2, stored.Count);
        Assert.Contains(corrected, stored);
        Assert.Contains(other, stored);
        Assert.DoesNotContain(first, stored);
        Assert.Empty(await store.GetAcknowledgementsAsync(Sample.Unique("rcl"), Ct));
    }

    [Fact]
    public async Task AlertsAreListedPerLotAndAll()
    {
        var store = Store;
        var lot = Lot(Sample.Unique("lot"));
        var alert = new Alert(Sample.Unique("alr"), "lab-result-failed", lot, "ni:///sha-256;abc?ver=CBV2.0", "org-lab", Sample.T0, "chlorpyrifos 0.12 mg/kg > 0.05 mg/kg");

        await store.AddAlertAsync(alert, Ct);

        Assert.Equal(alert, Assert.Single(await store.ListAlertsAsync(lot.LotKey, Ct)));
        Assert.Contains(alert, await store.ListAlertsAsync(null, Ct));
        await Assert.ThrowsAsync<DuplicateException>(() => store.AddAlertAsync(alert, Ct));
    }

    [Fact]
    public async Task AProductIsReplacedWhenSavedAgain()
    {
        var store = Store;
        var gtin = "0" + Sample.Gln();
        var product = new Product(gtin, "org-factory", new Dictionary<string, string> { ["zh-CN"] = "柳州螺蛳粉", ["en"] = "Liuzhou river-snail rice noodles" },
            new Dictionary<string, string> { ["en"] = "Longcheng" }, new Dictionary<string, string>(), "CN", "300 g", 180);

        await store.SaveProductAsync(product, Ct);
        await store.SaveProductAsync(product with { NetContent = "330 g" }, Ct);

        var stored = await store.GetProductAsync(gtin, Ct);
        Assert.Equal("330 g", stored!.NetContent);
        Assert.Equal("柳州螺蛳粉", stored.Name["zh-CN"]);
        Assert.Null(await store.GetProductAsync("0" + Sample.Gln(), Ct));
    }
}

public sealed class RecallsAlertsAndProductsAreKeptOnSqlite(SqliteStoreFixture fixture) : RecallsAlertsAndProductsAreKept<SqliteStoreFixture>(fixture);

public sealed class RecallsAlertsAndProductsAreKeptOnMongo(MongoStoreFixture fixture) : RecallsAlertsAndProductsAreKept<MongoStoreFixture>(fixture);
