using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Ledger;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Recalls;

public sealed class RecallsReachEveryAffectedShop(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Order(string lot, string classification = "I") =>
        new { gtin = Epcis.Gtin, lot, reason = "毒死蜱超标 chlorpyrifos above GB 2763-2021 limit", classification };

    [Fact]
    public async Task ARecallOfRiceLandsOnChainForEveryLotMadeFromItAndTheShopAcknowledges()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");

        var response = await regulator.Client.PostAsJsonAsync("/recalls", Order(chain.RiceLot), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var recall = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var id = recall["id"]!.GetValue<string>();
        Assert.Contains(recall["affectedLots"]!.AsArray(), l => l!["lot"]!.GetValue<string>() == chain.NoodleLot);
        Assert.Contains(recall["parties"]!.AsArray(), p => p!["orgId"]!.GetValue<string>() == chain.Shop.OrgId);
        Assert.NotEmpty(recall["txHashes"]!.AsArray());

        var registry = api.Factory.Services.GetRequiredService<LedgerConnection>().Require().Registry;
        foreach (var lot in new[] { chain.RiceLot, chain.NoodleLot })
        {
            var onChain = await registry.RecallOfAsync(TraceRegistryClient.LotKey($"/01/{Epcis.Gtin}/10/{lot}"), Ct);
            Assert.True(onChain.Active, $"{lot} is not recalled on-chain");
        }

        var mine = (await chain.Shop.Client.GetFromJsonAsync<JsonArray>("/recalls?affecting=me", Ct))!;
        Assert.Contains(mine, r => r!["id"]!.GetValue<string>() == id);
        var ack = await chain.Shop.Client.PostAsJsonAsync($"/recalls/{id}/acknowledgements", new { quantityRemoved = 12, unit = "EA", note = "下架 12 箱" }, Ct);
        Assert.Equal(HttpStatusCode.Created, ack.StatusCode);

        var progress = (await regulator.Client.GetFromJsonAsync<JsonObject>($"/recalls/{id}", Ct))!;
        Assert.Equal(1, progress["partiesAcknowledged"]!.GetValue<int>());
        Assert.Equal(12m, progress["quantityRemoved"]!["EA"]!.GetValue<decimal>());
        var shopParty = progress["parties"]!.AsArray().Single(p => p!["orgId"]!.GetValue<string>() == chain.Shop.OrgId)!;
        Assert.True(shopParty["acknowledged"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AProducerRecallsItsOwnLotButNotAnothers()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);

        var own = await chain.Farm.Client.PostAsJsonAsync("/recalls", Order(chain.RiceLot, "II"), Ct);
        var others = await chain.Farm.Client.PostAsJsonAsync("/recalls", Order(chain.NoodleLot), Ct);

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
    }

    [Fact]
    public async Task OnlyPartiesAcknowledgeAndOthersDoNotSeeTheRecall()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");
        var stranger = await api.CreateOrgAsync("retailer");
        var id = (await (await regulator.Client.PostAsJsonAsync("/recalls", Order(chain.NoodleLot), Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<string>();

        var ack = await stranger.Client.PostAsJsonAsync($"/recalls/{id}/acknowledgements", new { quantityRemoved = 1, unit = "EA" }, Ct);
        var read = await stranger.Client.GetAsync($"/recalls/{id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, ack.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty((await stranger.Client.GetFromJsonAsync<JsonArray>("/recalls?affecting=me", Ct))!);
    }

    [Theory]
    [InlineData("{\"gtin\":\"06901234100013\",\"lot\":\"X\",\"reason\":\"r\",\"classification\":\"IV\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"gtin\":\"06901234100013\",\"lot\":\"X\",\"classification\":\"I\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"gtin\":\"06901234100013\",\"lot\":\"NEVER-SEEN\",\"reason\":\"r\",\"classification\":\"I\"}", HttpStatusCode.NotFound)]
    [InlineData("{\"gtin\":12,\"lot\":\"X\"}", HttpStatusCode.BadRequest)]
    public async Task BadRecallOrdersChangeNothing(string body, HttpStatusCode expected)
    {
        var regulator = await api.SharedOrgAsync("regulator");
        var before = (await regulator.Client.GetFromJsonAsync<JsonArray>("/recalls", Ct))!.Count;

        var response = await regulator.Client.PostAsync("/recalls", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, (await regulator.Client.GetFromJsonAsync<JsonArray>("/recalls", Ct))!.Count);
    }

    [Fact]
    public async Task RetailersCannotOrderRecalls()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);

        Assert.Equal(HttpStatusCode.Forbidden, (await chain.Shop.Client.PostAsJsonAsync("/recalls", Order(chain.NoodleLot), Ct)).StatusCode);
    }
}
