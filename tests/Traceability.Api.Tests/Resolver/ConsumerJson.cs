using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Anchoring;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Lab;
using Traceability.Api.Tests.Recalls;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Validation;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Merkle;

namespace Traceability.Api.Tests.Resolver;

/// <summary>The resolver's JSON for API clients: the lot's public story, each event a verifiable consumer view.</summary>
public sealed class ConsumerJson(AnchoringFixture api) : IClassFixture<AnchoringFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<JsonObject> StoryAsync(string lot, string query = "")
    {
        var response = await api.Anonymous.SendAsync(Get($"/01/{Epcis.Gtin}/10/{lot}{query}"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    /// <summary>Waits until every shown event's proof is anchored.</summary>
    private async Task<JsonObject> AnchoredStoryAsync(string lot)
    {
        for (var i = 0; ; i++)
        {
            var story = await StoryAsync(lot);
            if (story["events"]!.AsArray().All(e => e!["proof"]!["status"]!.GetValue<string>() == "anchored") || i == 300) return story;
            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task TheStoryShowsTheJourneyBackThroughTheTransformationAndEveryEventVerifies()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var lab = await api.SharedOrgAsync("lab");
        Assert.Equal(HttpStatusCode.Created, (await lab.Client.PostAsJsonAsync("/lab-results", LabResults.Result(chain.RiceLot), Ct)).StatusCode);

        var story = await AnchoredStoryAsync(chain.NoodleLot);

        var kinds = story["journey"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("harvest", kinds);
        Assert.Contains("processing", kinds);
        Assert.Contains("packing", kinds);
        Assert.Contains("transport", kinds);
        Assert.Contains("inspection", kinds);
        var test = Assert.Single(story["labResults"]!.AsArray())!;
        Assert.Equal("chlorpyrifos", test["analyte"]!.GetValue<string>());
        Assert.Equal("pass", test["verdict"]!.GetValue<string>());
        Assert.Equal(chain.Factory.OrgId.Length > 0, story["producer"]!["name"]!.GetValue<string>().Length > 0);
        Assert.False(story["recalled"]!.GetValue<bool>());

        using var rpc = new HttpClient();
        var registry = await Proofs.RegistryAsync(api.Anonymous, rpc, Ct);
        foreach (var shown in story["events"]!.AsArray())
        {
            var view = shown!["event"]!.AsObject();
            var proof = shown["proof"]!.AsObject();
            var id = EventHash.ComputeId(view);
            Assert.Equal(id, view["eventID"]!.GetValue<string>());
            Assert.Equal(id, proof["eventId"]!.GetValue<string>());
            Assert.True(EpcisValidator.ValidateEvent(view).IsValid);
            var path = proof["auditPath"]!.AsArray().Select(h => Hex.Decode(h!.GetValue<string>())).ToList();
            var root = Hex.Decode(proof["root"]!.GetValue<string>());
            Assert.True(MerkleProof.Verify(EventHash.Digest(id), proof["leafIndex"]!.GetValue<int>(), proof["treeSize"]!.GetValue<int>(), path, root));
            Assert.Equal((uint)proof["treeSize"]!.GetValue<int>(), (await registry.AnchorsAsync(root, Ct))!.EventCount);
        }
    }

    [Fact]
    public async Task NoQuantitiesOrderNumbersOrAnalystsReachConsumers()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var lab = await api.SharedOrgAsync("lab");
        await lab.Client.PostAsJsonAsync("/lab-results", LabResults.Result(chain.RiceLot), Ct);

        var text = (await StoryAsync(chain.NoodleLot)).ToJsonString();

        Assert.DoesNotContain("\"quantity\"", text);
        Assert.DoesNotContain("Li Na", text);            // the analyst
        Assert.DoesNotContain($"S-{chain.RiceLot}", text); // the sample id
        Assert.DoesNotContain("K2026-11", text);          // the kit lot
        Assert.DoesNotContain("bizTransactionList", text);
    }

    [Fact]
    public async Task RecallStatusShowsARecallAtOnceWithItsOnChainRecord()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);
        var regulator = await api.SharedOrgAsync("regulator");
        var before = await StoryAsync(chain.NoodleLot, "?linkType=gs1:recallStatus");
        await regulator.Client.PostAsJsonAsync("/recalls", new { gtin = Epcis.Gtin, lot = chain.RiceLot, reason = "pesticide residue", classification = "I" }, Ct);

        var after = await StoryAsync(chain.NoodleLot, "?linkType=gs1:recallStatus");

        Assert.False(before["recalled"]!.GetValue<bool>());
        Assert.True(after["recalled"]!.GetValue<bool>());
        var recall = Assert.Single(after["recalls"]!.AsArray())!;
        Assert.True(recall["onChain"]!["active"]!.GetValue<bool>());
        Assert.NotEmpty(recall["txHashes"]!.AsArray());
    }

    [Fact]
    public async Task TheLinkSetListsEveryLinkTypeAndTheEpcisLinkGivesViews()
    {
        var chain = await SupplyChainScenario.BuildAsync(api);

        var links = await api.Anonymous.SendAsync(Get($"/01/{Epcis.Gtin}/10/{chain.NoodleLot}?linkType=all"), Ct);
        var epcis = await api.Anonymous.SendAsync(Get($"/01/{Epcis.Gtin}/10/{chain.NoodleLot}?linkType=gs1:epcis"), Ct);

        var set = (await links.Content.ReadFromJsonAsync<JsonObject>(Ct))!["linkset"]![0]!.AsObject();
        Assert.Equal($"https://trace.example.com/01/{Epcis.Gtin}/10/{chain.NoodleLot}", set["anchor"]!.GetValue<string>());
        foreach (var type in new[] { "traceability", "epcis", "recallStatus", "pip" }) Assert.NotNull(set[$"https://gs1.org/voc/{type}"]);
        var document = (await epcis.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal("EPCISQueryDocument", document["type"]!.GetValue<string>());
        Assert.NotEmpty(document["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray());
    }

    [Theory]
    [InlineData("/01/06901234100013/10/NEVER-SEEN", HttpStatusCode.NotFound)]
    [InlineData("/01/06901234100014/10/X", HttpStatusCode.BadRequest)]
    [InlineData("/01/6901234100013/10/NEVER-SEEN", HttpStatusCode.NotFound)]
    public async Task UnknownLotsAndBadCheckDigitsAreProblems(string path, HttpStatusCode expected)
    {
        var json = await api.Anonymous.SendAsync(Get(path), Ct);
        var page = new HttpRequestMessage(HttpMethod.Get, path);
        page.Headers.Accept.ParseAdd("text/html");
        var html = await api.Anonymous.SendAsync(page, Ct);

        Assert.True(expected == json.StatusCode, await json.Content.ReadAsStringAsync(Ct));
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expected, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
    }
}
