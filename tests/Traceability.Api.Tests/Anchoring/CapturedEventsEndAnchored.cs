using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;

namespace Traceability.Api.Tests.Anchoring;

public sealed class CapturedEventsEndAnchored(AnchoringFixture api) : IClassFixture<AnchoringFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject[] Events(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => Epcis.Commission($"{prefix}-{i}")).ToArray();

    private static async Task<string[]> CaptureAsync(HttpClient client, JsonObject[] events)
    {
        var body = await (await client.Capture(Epcis.Document(events))).Body();
        return body["eventIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToArray();
    }

    [Fact]
    public async Task EveryEventsProofLeadsToARootItsOrganisationAnchoredOnChain()
    {
        var farm = await api.CreateOrgAsync("producer");
        var shop = await api.CreateOrgAsync("retailer");
        var farmEvents = await CaptureAsync(farm.Client, Events("ANC-F", 19));
        var shopEvents = await CaptureAsync(shop.Client, Events("ANC-S", 5));

        var proofs = await Proofs.WaitAnchoredAsync(api.Anonymous, [.. farmEvents, .. shopEvents], TimeSpan.FromSeconds(60), Ct);

        using var rpc = new HttpClient();
        var registry = await Proofs.RegistryAsync(api.Anonymous, rpc, Ct);
        foreach (var id in farmEvents) await Proofs.AssertHoldsOnChainAsync(id, proofs[id], farm.LedgerAddress, registry, Ct);
        foreach (var id in shopEvents) await Proofs.AssertHoldsOnChainAsync(id, proofs[id], shop.LedgerAddress, registry, Ct);
        Proofs.AssertEachEventInExactlyOneBatch(proofs);
        Assert.All(proofs.Values, p => Assert.InRange(p["treeSize"]!.GetValue<int>(), 2, 2 * AnchoringFixture.MaxBatch));
        // 19 events cannot fit fewer than three batches of eight.
        Assert.True(farmEvents.Select(id => proofs[id]["root"]!.GetValue<string>()).Distinct().Count() >= 3);
    }

    [Fact]
    public async Task ReadinessShowsTheBacklogDrainedOnceEverythingIsAnchored()
    {
        var farm = await api.CreateOrgAsync("producer");
        var ids = await CaptureAsync(farm.Client, Events("ANC-R", 3));
        await Proofs.WaitAnchoredAsync(api.Anonymous, ids, TimeSpan.FromSeconds(60), Ct);

        JsonObject ready;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            ready = (await api.Anonymous.GetFromJsonAsync<JsonObject>("/health/ready", Ct))!;
            if (ready["anchoring"]!["backlog"]!.GetValue<long>() == 0) break;
            await Task.Delay(100, Ct);
        } while (DateTime.UtcNow < deadline);

        Assert.Equal("Running", ready["anchoring"]!["status"]!.GetValue<string>());
        Assert.Equal(0, ready["anchoring"]!["backlog"]!.GetValue<long>());
        Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AProofNamesTheEventByItsFullIdAndIsPublic()
    {
        var farm = await api.CreateOrgAsync("producer");
        var id = (await CaptureAsync(farm.Client, Events("ANC-P", 1)))[0];
        await Proofs.WaitAnchoredAsync(api.Anonymous, [id], TimeSpan.FromSeconds(60), Ct);

        var byFullId = await api.Anonymous.GetFromJsonAsync<JsonObject>($"/events/{Uri.EscapeDataString(id)}/proof", Ct);

        Assert.Equal(id, byFullId!["eventId"]!.GetValue<string>());
        Assert.Equal("anchored", byFullId["status"]!.GetValue<string>());
        Assert.Equal("evm", byFullId["ledger"]!["kind"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-an-event-id")]
    public async Task AProofOfAnUnknownEventIsNotFound(string id)
    {
        var response = await api.Anonymous.GetAsync($"/events/{id}/proof", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
