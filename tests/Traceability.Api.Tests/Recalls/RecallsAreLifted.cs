using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Ledger;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Recalls;

/// <summary>A regulator ends a recall once the hazard is resolved; lots another recall still names stay recalled.</summary>
public sealed class RecallsAreLifted(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LiftingEndsTheRecallOnChainExceptForLotsAnotherRecallStillNames()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");
        var riceRecall = await OrderAsync(regulator.Client, chain.RiceLot);
        await OrderAsync(regulator.Client, chain.NoodleLot);

        var response = await regulator.Client.PostAsJsonAsync($"/recalls/{riceRecall}/lift", new { reason = "复检合格 re-test within GB 2763 limits" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lifted = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("lifted", lifted["status"]!.GetValue<string>());
        Assert.Equal("复检合格 re-test within GB 2763 limits", lifted["lifted"]!["reason"]!.GetValue<string>());
        Assert.Equal(regulator.OrgId, lifted["lifted"]!["byOrgId"]!.GetValue<string>());
        Assert.Single(lifted["lifted"]!["txHashes"]!.AsArray());
        Assert.False(await RecalledOnChainAsync(chain.RiceLot));
        Assert.True(await RecalledOnChainAsync(chain.NoodleLot), "the noodles are still under their own recall");
        var stored = (await regulator.Client.GetFromJsonAsync<JsonObject>($"/recalls/{riceRecall}", Ct))!;
        Assert.Equal("lifted", stored["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALiftedLotShowsNoRecallBannerButExplainsTheLifting()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");
        var id = await OrderAsync(regulator.Client, chain.RiceLot);
        Assert.True((await StoryAsync(chain.RiceLot))["recalled"]!.GetValue<bool>());

        (await regulator.Client.PostAsJsonAsync($"/recalls/{id}/lift", new { reason = "re-test within limits" }, Ct)).EnsureSuccessStatusCode();

        var story = await StoryAsync(chain.NoodleLot);
        Assert.False(story["recalled"]!.GetValue<bool>());
        Assert.NotNull(Assert.Single(story["recalls"]!.AsArray())!["liftedAt"]);
        var page = await PageAsync(chain.NoodleLot, "en");
        Assert.DoesNotContain("id=\"recall\"", page);
        Assert.Contains("id=\"recall-lifted\"", page);
        Assert.Contains("re-test within limits", page);
        Assert.Contains("本批次此前的召回已解除", await PageAsync(chain.NoodleLot, "zh-CN"));
    }

    [Fact]
    public async Task ARecallIsLiftedOnlyOnce()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");
        var id = await OrderAsync(regulator.Client, chain.RiceLot);
        (await regulator.Client.PostAsJsonAsync($"/recalls/{id}/lift", new { reason = "resolved" }, Ct)).EnsureSuccessStatusCode();

        var again = await regulator.Client.PostAsJsonAsync($"/recalls/{id}/lift", new { reason = "resolved twice" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var stored = (await regulator.Client.GetFromJsonAsync<JsonObject>($"/recalls/{id}", Ct))!;
        Assert.Equal("resolved", stored["lifted"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyRegulatorsLiftRecallsEvenTheirOwn()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var id = await OrderAsync(chain.Farm.Client, chain.RiceLot);

        var byProducer = await chain.Farm.Client.PostAsJsonAsync($"/recalls/{id}/lift", new { reason = "we think it is fine" }, Ct);
        var byShop = await chain.Shop.Client.PostAsJsonAsync($"/recalls/{id}/lift", new { reason = "we think it is fine" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byProducer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byShop.StatusCode);
        Assert.True(await RecalledOnChainAsync(chain.RiceLot));
    }

    [Theory]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    [InlineData("{\"reason\":\"   \"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"reason\":42}", HttpStatusCode.BadRequest)]
    [InlineData("[]", HttpStatusCode.BadRequest)]
    public async Task BadLiftingsChangeNothing(string body, HttpStatusCode expected)
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");
        var id = await OrderAsync(regulator.Client, chain.RiceLot);

        var response = await regulator.Client.PostAsync($"/recalls/{id}/lift", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("active", (await regulator.Client.GetFromJsonAsync<JsonObject>($"/recalls/{id}", Ct))!["status"]!.GetValue<string>());
        Assert.True(await RecalledOnChainAsync(chain.RiceLot));
    }

    [Fact]
    public async Task AnUnknownRecallIsNotFound()
    {
        var regulator = await api.SharedOrgAsync("regulator");

        var response = await regulator.Client.PostAsJsonAsync("/recalls/rcl-0000000000000000/lift", new { reason = "resolved" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> OrderAsync(HttpClient client, string lot)
    {
        var response = await client.PostAsJsonAsync("/recalls",
            new { gtin = Epcis.Gtin, lot, reason = "chlorpyrifos above the GB 2763-2021 limit", classification = "II" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<string>();
    }

    private async Task<bool> RecalledOnChainAsync(string lot)
    {
        var registry = api.Factory.Services.GetRequiredService<LedgerConnection>().Require().Registry;
        return (await registry.RecallOfAsync(TraceRegistryClient.LotKey($"/01/{Epcis.Gtin}/10/{lot}"), Ct)).Active;
    }

    private async Task<JsonObject> StoryAsync(string lot) =>
        (await api.Anonymous.GetFromJsonAsync<JsonObject>($"/01/{Epcis.Gtin}/10/{lot}", Ct))!;

    private async Task<string> PageAsync(string lot, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/01/{Epcis.Gtin}/10/{lot}?lang={language}");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await api.Anonymous.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
