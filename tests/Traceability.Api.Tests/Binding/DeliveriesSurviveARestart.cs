using System.Net;
using Traceability.Api.Tests.Capture;
using Traceability.Testing;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// Subscriptions and their positions live in the store: an event captured while the receiver was failing is still
/// delivered after the API process is killed and started again, and capture never waited for the receiver.
/// </summary>
public sealed class DeliveriesSurviveARestart : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "trace-tests", Guid.NewGuid().ToString("N"));
    private AnvilNode _chain = null!;
    private ApiProcess _api = null!;
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _chain = await AnvilNode.StartAsync();
        _api = await ApiProcess.StartAsync(_chain.RpcUrl, _dataDir, new Dictionary<string, string>
        {
            ["Trace__Subscriptions__AllowPrivateDestinations"] = "true",
            ["Trace__Subscriptions__PollInterval"] = "00:00:00.100",
            ["Trace__Subscriptions__FirstBackoff"] = "00:00:00.200",
            ["Trace__Subscriptions__MaxBackoff"] = "00:00:00.500",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _chain.DisposeAsync();
        await _receiver.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task AnUndeliveredEventIsDeliveredAfterTheApiRestarts()
    {
        var (key, _) = await _api.CreateOrgAsync("Farm restart", "producer");
        var farm = _api.Client(key);
        var lot = Subscribing.NewLot();
        await farm.CreateQueryAsync("restart", Subscribing.LotQuery(lot));
        await farm.SubscribeAsync("restart", new() { ["dest"] = _receiver.Hook("restart").ToString(), ["stream"] = true, ["signatureToken"] = "restart-secret-0123456789" });
        _receiver.FailNext(int.MaxValue);

        var created = await farm.PostEvent(Epcis.Commission(lot));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode); // the failing receiver holds nothing up
        var id = (await created.Body())["eventId"]!.GetValue<string>();
        for (var i = 0; i < 300 && !_receiver.Received.Any(d => d.Path == "/hooks/restart"); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Contains(_receiver.Received, d => d.Path == "/hooks/restart" && !d.Answered2xx);

        await _api.KillAsync();
        _receiver.FailNext(0);
        await _api.RestartAsync();

        var delivery = await _receiver.WaitForEventAsync("restart", id, TimeSpan.FromSeconds(60));
        Assert.Equal(Subscribing.ExpectedSignature(delivery.Body, "restart-secret-0123456789"), delivery.Signature);
        farm.Dispose();
    }
}
