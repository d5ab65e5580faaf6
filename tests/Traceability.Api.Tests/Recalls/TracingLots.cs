using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Microsoft.AspNetCore.Hosting;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Recalls;

public sealed class TracingLots(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IEnumerable<string> Ids(JsonObject trace, string list) => trace[list]!.AsArray().Select(n => n!["id"]!.GetValue<string>());

    [Fact]
    public async Task ARegulatorTracesRiceForwardThroughTheTransformationAndThePalletToTheShop()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");

        var trace = (await regulator.Client.GetFromJsonAsync<JsonObject>($"/trace/{Epcis.Gtin}/{chain.RiceLot}?direction=forward", Ct))!;

        Assert.Equal($"/01/{Epcis.Gtin}/10/{chain.RiceLot}", trace["root"]!.GetValue<string>());
        Assert.Contains($"/01/{Epcis.Gtin}/10/{chain.NoodleLot}", Ids(trace, "lots"));
        Assert.Contains($"/00/{chain.Pallet}", Ids(trace, "lots"));
        var shop = Assert.Single(trace["parties"]!.AsArray(), p => p!["gln"]!.GetValue<string>() == chain.Shop.Gln)!;
        Assert.Equal(chain.Shop.OrgId, shop["orgId"]!.GetValue<string>());
        Assert.Contains(trace["edges"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "transformation"
            && e["from"]!.GetValue<string>().EndsWith(chain.RiceLot, StringComparison.Ordinal) && e["eventId"]!.GetValue<string>().StartsWith("ni:///", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARegulatorTracesTheNoodlesBackwardToTheRiceAndThePalletBackToItsContents()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");

        var noodles = (await regulator.Client.GetFromJsonAsync<JsonObject>($"/trace/{Epcis.Gtin}/{chain.NoodleLot}?direction=backward", Ct))!;
        var both = (await regulator.Client.GetFromJsonAsync<JsonObject>($"/trace/{Epcis.Gtin}/{chain.NoodleLot}", Ct))!;

        Assert.Contains($"/01/{Epcis.Gtin}/10/{chain.RiceLot}", Ids(noodles, "lots"));
        Assert.DoesNotContain($"/00/{chain.Pallet}", Ids(noodles, "lots"));
        Assert.Equal("both", both["direction"]!.GetValue<string>());
        Assert.Contains($"/01/{Epcis.Gtin}/10/{chain.RiceLot}", Ids(both, "lots"));
        Assert.Contains($"/00/{chain.Pallet}", Ids(both, "lots"));
    }

    [Fact]
    public async Task AnotherProcessOnTheSameStoreTracesFromTheIndexItLoadedAtStart()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");
        // A second host on the same data directory, as after a restart; its own worker stays off.
        await using var restarted = api.CreateFactory().WithWebHostBuilder(b => b.UseSetting("Trace:Anchoring:Enabled", "false"));
        using var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", regulator.ApiKey);

        var trace = (await client.GetFromJsonAsync<JsonObject>($"/trace/{Epcis.Gtin}/{chain.RiceLot}?direction=forward", Ct))!;

        Assert.Contains($"/01/{Epcis.Gtin}/10/{chain.NoodleLot}", Ids(trace, "lots"));
        Assert.Contains($"/00/{chain.Pallet}", Ids(trace, "lots"));
    }

    [Fact]
    public async Task AProducerTracesItsOwnLotsOnly()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);

        var own = await chain.Farm.Client.GetAsync($"/trace/{Epcis.Gtin}/{chain.RiceLot}", Ct);
        var others = await chain.Farm.Client.GetAsync($"/trace/{Epcis.Gtin}/{chain.NoodleLot}", Ct);
        var shop = await chain.Shop.Client.GetAsync($"/trace/{Epcis.Gtin}/{chain.NoodleLot}", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, shop.StatusCode);
    }

    [Theory]
    [InlineData("/trace/06901234100013/NO-SUCH-LOT", HttpStatusCode.NotFound)]
    [InlineData("/trace/06901234100014/X", HttpStatusCode.BadRequest)]
    [InlineData("/trace/06901234100013/X?direction=sideways", HttpStatusCode.BadRequest)]
    public async Task BadOrUnknownLotsAreProblems(string path, HttpStatusCode expected)
    {
        var regulator = await api.SharedOrgAsync("regulator");

        Assert.Equal(expected, (await regulator.Client.GetAsync(path, Ct)).StatusCode);
    }
}
