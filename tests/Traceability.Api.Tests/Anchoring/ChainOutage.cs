using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Testing;

namespace Traceability.Api.Tests.Anchoring;

/// <summary>A chain that keeps its state in a file, so it can be stopped and started again.</summary>
public sealed class RestartableChainFixture : AnchoringFixture
{
    private string StatePath => Path.Combine(DataDir, "anvil-state.json");

    protected override Task<AnvilNode> StartChainAsync() => AnvilNode.StartAsync(StatePath);
}

/// <summary>
/// The chain stops in the middle of a stream of captures and comes back on its saved state:
/// capture never fails, readiness says Degraded meanwhile, and every event ends anchored exactly once.
/// </summary>
public sealed class ChainOutage(RestartableChainFixture api) : IClassFixture<RestartableChainFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryEventCapturedAroundAnOutageEndsAnchoredExactlyOnce()
    {
        var farm = await api.CreateOrgAsync("producer");
        var ids = new List<string>();
        var n = 0;
        async Task CaptureAsync(int count)
        {
            for (var i = 0; i < count; i++, n++)
            {
                var response = await farm.Client.PostEvent(Epcis.Commission($"OUT-{n}"));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                ids.Add(Uri.UnescapeDataString(response.Headers.Location!.OriginalString["/events/".Length..]));
                await Task.Delay(15, Ct);
            }
        }

        await CaptureAsync(30);
        await api.Chain.StopAsync();
        await CaptureAsync(30);
        var whileDown = await WaitDegradedAsync();
        var pending = await Proofs.GetAsync(api.Anonymous, ids[^1], Ct);
        await api.Chain.RestartAsync(Ct);
        await CaptureAsync(20);

        var proofs = await Proofs.WaitAnchoredAsync(api.Anonymous, ids, TimeSpan.FromSeconds(90), Ct);

        Assert.Equal("Degraded", whileDown["status"]!.GetValue<string>());
        Assert.True(whileDown["anchoring"]!["backlog"]!.GetValue<long>() > 0);
        Assert.Equal("pending", pending!["status"]!.GetValue<string>());
        using var rpc = new HttpClient();
        var registry = await Proofs.RegistryAsync(api.Anonymous, rpc, Ct);
        foreach (var id in ids) await Proofs.AssertHoldsOnChainAsync(id, proofs[id], farm.LedgerAddress, registry, Ct);
        Assert.Equal(80, ids.Distinct().Count());
        Proofs.AssertEachEventInExactlyOneBatch(proofs);
    }

    private async Task<JsonObject> WaitDegradedAsync()
    {
        for (var i = 0; ; i++)
        {
            var ready = (await api.Anonymous.GetFromJsonAsync<JsonObject>("/health/ready", Ct))!;
            if (ready["status"]!.GetValue<string>() == "Degraded" || i == 50) return ready;
            await Task.Delay(100, Ct);
        }
    }
}
