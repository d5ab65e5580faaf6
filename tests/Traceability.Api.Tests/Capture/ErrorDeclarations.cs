using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Api.Tests.Recalls;

namespace Traceability.Api.Tests.Capture;

/// <summary>
/// EPCIS 2.0 error declarations: the writer sends an event again with an errorDeclaration. The event keeps its id
/// and its proof, carries the declaration from then on, and no longer links lots in traces, recalls or pages.
/// </summary>
public sealed class ErrorDeclarations(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Declared(JsonObject evt, string reason = "incorrect_data")
    {
        evt["errorDeclaration"] = new JsonObject { ["declarationTime"] = "2026-11-21T09:00:00.000+08:00", ["reason"] = reason };
        return evt;
    }

    [Fact]
    public async Task AWrongTransformationDeclaredInErrorNoLongerCarriesTheTraceOrARecall()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");
        var before = await ForwardLotsAsync(regulator.Client, chain.RiceLot);
        Assert.Contains(before, k => k.EndsWith(chain.NoodleLot, StringComparison.Ordinal));

        var response = await chain.Factory.Client.PostEvent(Declared(Epcis.Transform(chain.RiceLot, chain.NoodleLot)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Body())["eventId"]!.GetValue<string>();
        var stored = (await chain.Factory.Client.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(id)}", Ct))!;
        Assert.Equal("incorrect_data", stored["errorDeclaration"]!["reason"]!.GetValue<string>());
        Assert.Equal(id, stored["eventID"]!.GetValue<string>());
        Assert.DoesNotContain(await ForwardLotsAsync(regulator.Client, chain.RiceLot), k => k.EndsWith(chain.NoodleLot, StringComparison.Ordinal));

        var recall = await regulator.Client.PostAsJsonAsync("/recalls",
            new { gtin = Epcis.Gtin, lot = chain.RiceLot, reason = "chlorpyrifos above the limit", classification = "II" }, Ct);
        Assert.Equal(HttpStatusCode.Created, recall.StatusCode);
        Assert.Empty((await recall.Body())["affectedLots"]!.AsArray());
    }

    [Fact]
    public async Task TheDeclaredEventKeepsAProofThatStillHolds()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var id = (await (await chain.Factory.Client.PostEvent(Declared(Epcis.Transform(chain.RiceLot, chain.NoodleLot)))).Body())["eventId"]!.GetValue<string>();

        var proofs = await Anchoring.Proofs.WaitAnchoredAsync(api.Anonymous, [id], TimeSpan.FromSeconds(60), Ct);

        Assert.Equal("anchored", proofs[id]["status"]!.GetValue<string>());
        var stored = (await chain.Factory.Client.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(id)}", Ct))!;
        Assert.NotNull(stored["errorDeclaration"]);
        Assert.Equal(id, Traceability.Domain.Epcis.Hashing.EventHash.ComputeId(stored, null));
    }

    [Fact]
    public async Task OnlyTheWriterDeclaresItsEventInError()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");

        var response = await chain.Farm.Client.PostEvent(Declared(Epcis.Transform(chain.RiceLot, chain.NoodleLot)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(await ForwardLotsAsync(regulator.Client, chain.RiceLot), k => k.EndsWith(chain.NoodleLot, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEventFirstSeenDeclaredInErrorIsKeptButLinksNoLots()
    {
        var farm = await api.CreateOrgAsync("producer");
        var regulator = await api.SharedOrgAsync("regulator");
        var lot = "FIRST-" + Guid.NewGuid().ToString("N")[..8];
        (await farm.Client.PostEvent(Epcis.Commission(lot))).EnsureSuccessStatusCode();

        var response = await farm.Client.PostEvent(Declared(Epcis.Transform(lot, lot + "-OUT")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Body())["eventId"]!.GetValue<string>();
        var stored = (await farm.Client.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(id)}", Ct))!;
        Assert.NotNull(stored["errorDeclaration"]);
        Assert.Empty(await ForwardLotsAsync(regulator.Client, lot));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync($"/01/{Epcis.Gtin}/10/{lot}-OUT", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnEventFirstSeenDeclaredInErrorStillNeedsCustodyOfItsLots()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var stranger = await api.CreateOrgAsync("producer");
        var lot = "STOLEN-" + Guid.NewGuid().ToString("N")[..8];

        var response = await stranger.Client.PostEvent(Declared(Epcis.Transform(chain.NoodleLot, lot)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var mine = (await stranger.Client.GetFromJsonAsync<JsonObject>($"/events?MATCH_epcClass={Uri.EscapeDataString(Epcis.LotClass(lot))}", Ct))!;
        Assert.Empty(mine["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray());
    }

    [Fact]
    public async Task AnEventAndItsDeclarationInOneDocumentAreRefusedTogether()
    {
        var farm = await api.CreateOrgAsync("producer");
        var lot = "SAME-" + Guid.NewGuid().ToString("N")[..8];

        var response = await farm.Client.Capture(Epcis.Document(Epcis.Commission(lot), Declared(Epcis.Commission(lot))));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("/problems/declared-in-same-document", (await response.Body())["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync($"/01/{Epcis.Gtin}/10/{lot}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ASecondDeclarationChangesNothing()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        await chain.Factory.Client.PostEvent(Declared(Epcis.Transform(chain.RiceLot, chain.NoodleLot), "incorrect_data"));

        var again = await chain.Factory.Client.PostEvent(Declared(Epcis.Transform(chain.RiceLot, chain.NoodleLot), "did_not_occur"));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var id = (await again.Body())["eventId"]!.GetValue<string>();
        var stored = (await chain.Factory.Client.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(id)}", Ct))!;
        Assert.Equal("incorrect_data", stored["errorDeclaration"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheConsumerPageLeavesOutADeclaredStep()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var path = $"/01/{Epcis.Gtin}/10/{chain.NoodleLot}";
        Assert.Contains((await api.Anonymous.GetFromJsonAsync<JsonObject>(path, Ct))!["journey"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == "processing");

        (await chain.Factory.Client.PostEvent(Declared(Epcis.Transform(chain.RiceLot, chain.NoodleLot)))).EnsureSuccessStatusCode();

        var story = (await api.Anonymous.GetFromJsonAsync<JsonObject>(path, Ct))!;
        Assert.DoesNotContain(story["journey"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == "processing");
        Assert.DoesNotContain(story["journey"]!.AsArray(), s => s!["subject"]!.GetValue<string>().Contains(chain.RiceLot, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedLabResultDeclaredInErrorLeavesTheLotConformantUnlessAnotherFailureStands()
    {
        var farm = await api.SharedOrgAsync("producer");
        var lab = await api.SharedOrgAsync("lab");
        var (once, twice) = ("NC1-" + Guid.NewGuid().ToString("N")[..6], "NC2-" + Guid.NewGuid().ToString("N")[..6]);
        foreach (var lot in new[] { once, twice }) (await farm.Client.PostEvent(Epcis.Commission(lot))).EnsureSuccessStatusCode();
        var wrong = await FailAsync(lab.Client, once, 0.12);
        var wrongToo = await FailAsync(lab.Client, twice, 0.12);
        await FailAsync(lab.Client, twice, 0.31);

        foreach (var id in new[] { wrong, wrongToo })
        {
            var stored = (await lab.Client.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(id)}", Ct))!;
            var response = await lab.Client.PostEvent(Declared(stored, "incorrect_data"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        Assert.False((await StoryAsync(once))["nonConformant"]!.GetValue<bool>());
        Assert.True((await StoryAsync(twice))["nonConformant"]!.GetValue<bool>(), "the second failed test still stands");
    }

    private async Task<string> FailAsync(HttpClient lab, string lot, double value)
    {
        var response = await lab.PostAsJsonAsync("/lab-results", Lab.LabResults.Result(lot, value, "fail"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Body())["eventId"]!.GetValue<string>();
    }

    private async Task<JsonObject> StoryAsync(string lot) =>
        (await api.Anonymous.GetFromJsonAsync<JsonObject>($"/01/{Epcis.Gtin}/10/{lot}", Ct))!;

    private async Task<List<string>> ForwardLotsAsync(HttpClient client, string lot)
    {
        var trace = (await client.GetFromJsonAsync<JsonObject>($"/trace/{Epcis.Gtin}/{lot}?direction=forward", Ct))!;
        return trace["lots"]!.AsArray().Select(l => l!["id"]!.GetValue<string>()).ToList();
    }
}
