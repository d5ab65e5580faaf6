using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Trust;

/// <summary>
/// README's read-entitlement matrix, as a table: the factory ships a lot to the distributor; who reads that shipment
/// in full (its quantity, purchase order) and who only its consumer view, through GET /events/{id} and GET /events.
/// </summary>
public sealed class ReadEntitlementMatrix(TrustFixture api) : IClassFixture<TrustFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (string Lot, string ShipmentId)? _chain;

    private async Task<(string Lot, string ShipmentId)> ChainAsync()
    {
        await Once.WaitAsync(Ct);
        try
        {
            if (_chain is { } built) return built;
            var lot = "E" + Guid.NewGuid().ToString("N")[..10];
            Assert.Equal(HttpStatusCode.Created, (await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"))).StatusCode);
            var shipped = await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "OBSERVE", "shipping", toGln: api.Distributor.Gln,
                time: "2026-11-21T10:00:00+08:00"));
            Assert.Equal(HttpStatusCode.Created, shipped.StatusCode);
            return (_chain = (lot, (await shipped.Body())["eventId"]!.GetValue<string>())).Value;
        }
        finally
        {
            Once.Release();
        }
    }

    public static TheoryData<string, bool> Rows() => new()
    {
        { "factory", true },       // the writer
        { "distributor", true },   // named as the destination (and the expected receiver)
        { "regulator", true },     // regulators read everything
        { "shop", false },         // not named, never held the lot
        { "lab", false },          // not named, tested nothing
        { "farm", false },         // another producer
    };

    private TestOrg Reader(string name) => name switch
    {
        "factory" => api.NoodleFactory,
        "distributor" => api.Distributor,
        "regulator" => api.Regulator,
        "shop" => api.Shop,
        "lab" => api.Lab,
        _ => api.Farm,
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task OneEventIsServedInFullOnlyToThoseEntitled(string reader, bool full)
    {
        var (_, id) = await ChainAsync();

        var evt = (await Reader(reader).Client.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(id)}", Ct))!;

        AssertServed(evt, full);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task QueriesServeTheSameWay(string reader, bool full)
    {
        var (lot, id) = await ChainAsync();

        var doc = (await Reader(reader).Client.GetFromJsonAsync<JsonObject>(
            $"/events?MATCH_epcClass={Uri.EscapeDataString(TrustFixture.Lot(lot))}&EQ_bizStep=shipping", Ct))!;

        var evt = Assert.Single(doc["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray())!.AsObject();
        AssertServed(evt, full);
        Assert.Equal(id, full ? evt["eventID"]!.GetValue<string>() : evt["view:viewOf"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheShopReadsTheHistoryOnceItHoldsTheLot()
    {
        var lot = "H" + Guid.NewGuid().ToString("N")[..10];
        await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "ADD", "commissioning"));
        var created = (await (await api.NoodleFactory.Client.GetAsync($"/events?MATCH_epcClass={Uri.EscapeDataString(TrustFixture.Lot(lot))}", Ct))
            .Content.ReadFromJsonAsync<JsonObject>(Ct))!["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]![0]!["eventID"]!.GetValue<string>();
        string Url() => $"/events/{Uri.EscapeDataString(created)}";
        AssertServed((await api.OtherShop.Client.GetFromJsonAsync<JsonObject>(Url(), Ct))!, full: false);

        await api.NoodleFactory.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "OBSERVE", "shipping", toGln: api.OtherShop.Gln, time: "2026-11-21T10:00:00+08:00"));
        await api.OtherShop.Client.PostEvent(TrustFixture.Event(TrustFixture.Lot(lot), "OBSERVE", "receiving", time: "2026-11-22T10:00:00+08:00"));

        AssertServed((await api.OtherShop.Client.GetFromJsonAsync<JsonObject>(Url(), Ct))!, full: true);
    }

    private static void AssertServed(JsonObject evt, bool full)
    {
        var quantity = evt["quantityList"]![0]!.AsObject();
        if (full)
        {
            Assert.Equal(120, quantity["quantity"]!.GetValue<decimal>());
            Assert.NotNull(evt["bizTransactionList"]);
            Assert.Null(evt["view:viewOf"]);
        }
        else
        {
            Assert.False(quantity.ContainsKey("quantity"));
            Assert.Null(evt["bizTransactionList"]);
            Assert.NotNull(evt["view:viewOf"]);
        }
    }
}
