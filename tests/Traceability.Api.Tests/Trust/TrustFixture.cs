using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Trust;

/// <summary>
/// Organisations as the consortium admin registers them: a noodle factory holding GS1 company prefix 6901234100,
/// a farm, a distributor, two shops, a lab and a regulator, each with a GLN.
/// </summary>
public sealed class TrustFixture : ApiFixture
{
    public const string FactoryPrefix = "6901234100";
    public const string FactoryGtin = "06901234100037"; // under the factory's prefix

    public TestOrg NoodleFactory { get; private set; } = null!;
    public TestOrg Farm { get; private set; } = null!;
    public TestOrg Distributor { get; private set; } = null!;
    public TestOrg Shop { get; private set; } = null!;
    public TestOrg OtherShop { get; private set; } = null!;
    public TestOrg Lab { get; private set; } = null!;
    public TestOrg Regulator { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        NoodleFactory = await CreateAsync("producer", "6901234000047", [FactoryPrefix]);
        Farm = await CreateAsync("producer", "6901234000030", ["6901234200"]);
        Distributor = await CreateAsync("distributor", "6901234000061", []);
        Shop = await CreateAsync("retailer", "6901234000085", []);
        OtherShop = await CreateAsync("retailer", "6901234000092", []);
        Lab = await CreateAsync("lab", "6901234000078", []);
        Regulator = await CreateAsync("regulator", "6901234000115", []);
    }

    private async Task<TestOrg> CreateAsync(string role, string gln, string[] prefixes)
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync("/admin/orgs", new { name = $"{role} {Guid.NewGuid():N}", role, gln, companyPrefixes = prefixes });
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"creating a {role} failed: {response.StatusCode} {body}");
        var key = body["apiKey"]!.GetValue<string>();
        return new TestOrg(body["orgId"]!.GetValue<string>(), key, body["ledgerAddress"]!.GetValue<string>(), gln, As(key));
    }

    public static string Lot(string lot, string gtin = FactoryGtin) => $"https://id.gs1.org/01/{gtin}/10/{lot}";

    public static JsonObject Event(string lotUri, string action, string bizStep, string? disposition = null, string time = "2026-11-20T10:00:00+08:00",
        string? toGln = null)
    {
        var e = new JsonObject
        {
            ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
            ["type"] = "ObjectEvent",
            ["eventTime"] = time,
            ["eventTimeZoneOffset"] = "+08:00",
            ["action"] = action,
            ["bizStep"] = bizStep,
            ["quantityList"] = new JsonArray(new JsonObject { ["epcClass"] = lotUri, ["quantity"] = 120, ["uom"] = "KGM" }),
            ["bizTransactionList"] = new JsonArray(new JsonObject { ["type"] = "po", ["bizTransaction"] = "urn:epcglobal:cbv:bt:6901234000047:PO-7781" }),
        };
        if (disposition is not null) e["disposition"] = disposition;
        if (toGln is not null)
            e["destinationList"] = new JsonArray(new JsonObject { ["type"] = "owning_party", ["destination"] = $"https://id.gs1.org/417/{toGln}" });
        return e;
    }
}
