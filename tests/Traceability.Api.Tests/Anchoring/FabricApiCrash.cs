using Traceability.Api.Tests.Capture;
using Traceability.Fabric;
using Traceability.Storage;
using Traceability.Testing;

namespace Traceability.Api.Tests.Anchoring;

/// <summary>The orderer waits 2 s before cutting a block, so an anchor sits sent and uncommitted long enough to crash in between.</summary>
public sealed class SlowOrderingFabricNetwork : OwnFabricNetwork
{
    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["FABRIC_MEMBER_ORGS"] = "4",
        ["FABRIC_BATCH_TIMEOUT"] = "2s",
    };
}

/// <summary>
/// The API process on Fabric is killed (SIGKILL) with an anchor batch recorded and unsettled. On restart it learns from
/// GetAnchor whether the batch landed: it completes a batch the orderer committed meanwhile, and sends again one the
/// orderer never took. Either way every event ends anchored exactly once, checked against the ledger.
/// </summary>
public sealed class FabricApiCrash(SlowOrderingFabricNetwork fabric) : IClassFixture<SlowOrderingFabricNetwork>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "trace-tests", Guid.NewGuid().ToString("N"));
    private ApiProcess? _api;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task ABatchCommittedWhileTheApiWasDownIsCompletedFromTheLedger()
    {
        var network = fabric.Network;
        _api = await ApiProcess.StartAsync(_dataDir, FabricAnchors.ApiSettings(network));
        var (key, msp) = await _api.CreateOrgAsync("Farm COMMITTED", "producer");
        using var farm = _api.Client(key);
        var ids = await CaptureAsync(farm, "COMMITTED");

        // Recorded, endorsed and handed to the orderer, which holds it for its batch timeout: kill now.
        AnchorBatch? sent = null;
        await FabricAnchors.WaitUntilAsync(async () =>
            (sent = (await FabricAnchors.UnsettledBatchesAsync(_dataDir, Ct)).FirstOrDefault(b => b.TxHash is not null)) is not null, "an anchor sent and not committed", Ct);
        await _api.KillAsync();
        using (var ledger = new NetworkConnections(NetworkFile.Load(FabricAnchors.NetworkJson(network))))
            await FabricAnchors.WaitUntilAsync(async () => await FabricAnchors.GetAnchorAsync(ledger, sent!.BatchId, Ct) is not null, "the orderer to commit it", Ct);

        await _api.RestartAsync();

        using var anonymous = _api.Client();
        await FabricAnchors.AssertAnchoredExactlyOnceAsync(anonymous, ids, network, msp, Ct);
    }

    [Fact]
    public async Task ABatchTheOrdererNeverTookIsSentAgain()
    {
        var network = fabric.Network;
        _api = await ApiProcess.StartAsync(_dataDir, FabricAnchors.ApiSettings(network));
        var (key, msp) = await _api.CreateOrgAsync("Farm RESENT", "producer");
        using var farm = _api.Client(key);
        await network.StopAsync("orderer");
        var ids = await CaptureAsync(farm, "RESENT");

        // Recorded and endorsed, but nothing orders it: kill with the batch unsettled.
        AnchorBatch? recorded = null;
        await FabricAnchors.WaitUntilAsync(async () =>
            (recorded = (await FabricAnchors.UnsettledBatchesAsync(_dataDir, Ct)).FirstOrDefault()) is not null, "an anchor batch recorded", Ct);
        await _api.KillAsync();
        await network.RestartAsync(Ct);
        using (var ledger = new NetworkConnections(NetworkFile.Load(FabricAnchors.NetworkJson(network))))
            Assert.Null(await FabricAnchors.GetAnchorAsync(ledger, recorded!.BatchId, Ct));

        await _api.RestartAsync();

        using var anonymous = _api.Client();
        await FabricAnchors.AssertAnchoredExactlyOnceAsync(anonymous, ids, network, msp, Ct);
    }

    private static async Task<string[]> CaptureAsync(HttpClient farm, string prefix)
    {
        var events = Enumerable.Range(0, 6).Select(i => Epcis.Commission($"{prefix}-{i}")).ToArray();
        var body = await (await farm.Capture(Epcis.Document(events))).Body();
        return body["eventIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToArray();
    }
}
