using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Testing;

namespace Traceability.Api.Tests.Anchoring;

/// <summary>A network whose Org2 peer the test stops and starts again.</summary>
public sealed class PeerOutageFabricNetwork : OwnFabricNetwork;

/// <summary>
/// Org2's peer stops in the middle of a stream of captures (anchors need both peers' endorsement) and comes back on its
/// ledger: capture never fails, readiness says Degraded meanwhile, and every event ends anchored exactly once.
/// </summary>
public sealed class FabricPeerOutage(PeerOutageFabricNetwork fabric) : IClassFixture<PeerOutageFabricNetwork>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "trace-tests", Guid.NewGuid().ToString("N"));
    private ApiProcess? _api;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task EveryEventCapturedAroundAPeerOutageEndsAnchoredExactlyOnce()
    {
        var network = fabric.Network;
        _api = await ApiProcess.StartAsync(_dataDir, FabricAnchors.ApiSettings(network));
        var (key, msp) = await _api.CreateOrgAsync("Farm OUTAGE", "producer");
        using var farm = _api.Client(key);
        using var anonymous = _api.Client();
        var ids = new List<string>();
        var n = 0;
        async Task CaptureAsync(int count)
        {
            for (var i = 0; i < count; i++, n++)
            {
                var response = await farm.PostEvent(Epcis.Commission($"PEER-{n}"));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                ids.Add(Uri.UnescapeDataString(response.Headers.Location!.OriginalString["/events/".Length..]));
                await Task.Delay(15, Ct);
            }
        }

        await CaptureAsync(20);
        await network.StopAsync("peer0.org2.example.com");
        await CaptureAsync(20);
        var whileDown = await WaitDegradedAsync(anonymous);
        var pending = await Proofs.GetAsync(anonymous, ids[^1], Ct);
        await network.RestartAsync(Ct);
        await CaptureAsync(12);

        Assert.Equal("Degraded", whileDown["status"]!.GetValue<string>());
        Assert.Equal("Stalled", whileDown["anchoring"]!["status"]!.GetValue<string>());
        Assert.True(whileDown["anchoring"]!["backlog"]!.GetValue<long>() > 0);
        Assert.Equal("pending", pending!["status"]!.GetValue<string>());
        Assert.Equal(52, ids.Distinct().Count());
        await FabricAnchors.AssertAnchoredExactlyOnceAsync(anonymous, ids, network, msp, Ct);
    }

    private static async Task<JsonObject> WaitDegradedAsync(HttpClient api)
    {
        for (var i = 0; ; i++)
        {
            var ready = (await api.GetFromJsonAsync<JsonObject>("/health/ready", Ct))!;
            if (ready["status"]!.GetValue<string>() == "Degraded" || i == 150) return ready;
            await Task.Delay(100, Ct);
        }
    }
}
