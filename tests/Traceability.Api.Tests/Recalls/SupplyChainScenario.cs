using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Recalls;

/// <summary>
/// A small chain through HTTP only: a farm's rice lot shipped to a factory, transformed into a noodle lot,
/// packed onto a pallet, shipped to a shop. Each test builds its own chain with unique lots and GLNs.
/// </summary>
internal sealed class SupplyChainScenario
{
    public required TestOrg Farm { get; init; }
    public required TestOrg Factory { get; init; }
    public required TestOrg Shop { get; init; }
    public required string RiceLot { get; init; }
    public required string NoodleLot { get; init; }
    public required string Pallet { get; init; }

    private static int _next;

    public static async Task<SupplyChainScenario> BuildAsync(ApiFixture api)
    {
        var n = Interlocked.Increment(ref _next);
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var farm = await api.CreateOrgAsync("producer", Gln($"690123410{n:D2}1"));
        var factory = await api.CreateOrgAsync("producer", Gln($"690123410{n:D2}2"));
        var shop = await api.CreateOrgAsync("retailer", Gln($"690123410{n:D2}3"));
        var scenario = new SupplyChainScenario
        {
            Farm = farm, Factory = factory, Shop = shop,
            RiceLot = $"RICE-{suffix}", NoodleLot = $"NOOD-{suffix}", Pallet = Sscc($"0690123400{n:D3}{Random.Shared.Next(1000, 9999)}"),
        };
        await scenario.RunAsync();
        return scenario;
    }

    private async Task RunAsync()
    {
        await Expect(Farm.Client.PostEvent(Epcis.Commission(RiceLot)));
        await Expect(Farm.Client.PostEvent(Epcis.Ship(RiceLot, Factory.Gln)));
        await Expect(Factory.Client.PostEvent(Epcis.Receive(RiceLot)));
        await Expect(Factory.Client.PostEvent(Epcis.Transform(RiceLot, NoodleLot)));
        await Expect(Factory.Client.PostEvent(Pack(NoodleLot, Pallet)));
        await Expect(Factory.Client.PostEvent(ShipPallet(Pallet, Shop.Gln!)));
        await Expect(Shop.Client.PostEvent(ReceivePallet(Pallet)));
    }

    public string PalletUri => $"https://id.gs1.org/00/{Pallet}";

    private JsonObject Pack(string lot, string sscc)
    {
        var e = Epcis.Event("AggregationEvent", "packing", "ADD");
        e["parentID"] = PalletUri;
        e["childQuantityList"] = new JsonArray(new JsonObject { ["epcClass"] = Epcis.LotClass(lot), ["quantity"] = 40, ["uom"] = "KGM" });
        return e;
    }

    private JsonObject ShipPallet(string sscc, string toGln)
    {
        var e = Epcis.Event("ObjectEvent", "shipping");
        e["epcList"] = new JsonArray(PalletUri);
        e["destinationList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["destination"] = $"https://id.gs1.org/417/{toGln}" });
        return e;
    }

    private JsonObject ReceivePallet(string sscc)
    {
        var e = Epcis.Event("ObjectEvent", "receiving");
        e["epcList"] = new JsonArray(PalletUri);
        return e;
    }

    private static async Task Expect(Task<HttpResponseMessage> call)
    {
        var response = await call;
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"scenario step failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static string Gln(string twelve) => twelve + Traceability.Domain.Gs1.Gs1CheckDigit.Compute(twelve);
    private static string Sscc(string seventeen) => seventeen + Traceability.Domain.Gs1.Gs1CheckDigit.Compute(seventeen);

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
