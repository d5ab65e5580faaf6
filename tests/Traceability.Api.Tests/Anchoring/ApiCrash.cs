using Traceability.Api.Tests.Capture;
using Traceability.Ledger.Gateway;
using Traceability.Testing;

namespace Traceability.Api.Tests.Anchoring;

/// <summary>
/// The API process is killed (SIGKILL) after it sent an anchor transaction and before the receipt.
/// On restart it learns from anchors(root) whether the batch landed: it completes a batch the chain
/// mined meanwhile, and sends again one whose transaction the chain dropped. Either way, exactly once.
/// </summary>
public sealed class ApiCrash : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "trace-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _rpcHttp = new();
    private AnvilNode _chain = null!;
    private ApiProcess _api = null!;
    private JsonRpcClient _rpc = null!;

    public async ValueTask InitializeAsync()
    {
        _chain = await AnvilNode.StartAsync();
        _rpc = new JsonRpcClient(_rpcHttp, _chain.RpcUrl);
        _api = await ApiProcess.StartAsync(_chain.RpcUrl, _dataDir, new Dictionary<string, string>
        {
            ["Trace__Anchoring__MaxBatch"] = "4",
            ["Trace__Anchoring__Interval"] = "00:00:00.200",
            ["Trace__Ledger__CommitTimeout"] = "00:00:05",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _chain.DisposeAsync();
        _rpcHttp.Dispose();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task ABatchMinedWhileTheApiWasDownIsCompletedFromTheChain()
    {
        var (farm, address, ids) = await CaptureWhileMiningIsPausedAndKillAsync("MINED");
        await SetMiningAsync(true);
        await WaitForEmptyPoolAsync();

        await _api.RestartAsync();

        await AssertAllAnchoredOnceAsync(ids, address);
        farm.Dispose();
    }

    [Fact]
    public async Task ABatchWhoseTransactionWasDroppedIsSentAgain()
    {
        var (farm, address, ids) = await CaptureWhileMiningIsPausedAndKillAsync("DROPPED");
        await _rpc.CallAsync("anvil_dropAllTransactions", [], Ct);
        await SetMiningAsync(true);

        await _api.RestartAsync();

        await AssertAllAnchoredOnceAsync(ids, address);
        farm.Dispose();
    }

    private async Task<(HttpClient Farm, string Address, string[] Ids)> CaptureWhileMiningIsPausedAndKillAsync(string prefix)
    {
        var (key, address) = await _api.CreateOrgAsync($"Farm {prefix}", "producer");
        var farm = _api.Client(key);
        await SetMiningAsync(false);
        var events = Enumerable.Range(0, 6).Select(i => Epcis.Commission($"{prefix}-{i}")).ToArray();
        var body = await (await farm.Capture(Epcis.Document(events))).Body();
        var ids = body["eventIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToArray();

        // The first full batch of four is recorded and its transaction sits in the pool: kill now.
        await WaitUntilAsync(async () => await PendingTransactionsAsync() > 0, "an anchor transaction in the pool");
        await _api.KillAsync();
        return (farm, address, ids);
    }

    private async Task AssertAllAnchoredOnceAsync(string[] ids, string address)
    {
        using var client = _api.Client();
        var proofs = await Proofs.WaitAnchoredAsync(client, ids, TimeSpan.FromSeconds(120), Ct);
        var registry = await Proofs.RegistryAsync(client, _rpcHttp, Ct);
        foreach (var id in ids) await Proofs.AssertHoldsOnChainAsync(id, proofs[id], address, registry, Ct);
        Proofs.AssertEachEventInExactlyOneBatch(proofs);

        // On chain too: one Anchored log per root, and no other anchor by this organisation.
        var anchored = registry.Contract.Abi.Event("Anchored");
        var logs = await registry.Contract.Gateway.GetLogsAsync(
            registry.Address, [anchored.Topic0, null, anchored.EncodeTopic(1, Traceability.Ledger.Evm.EvmAddress.Parse(address))], 0, Ct);
        var roots = proofs.Values.Select(p => p["root"]!.GetValue<string>()).Distinct().Order().ToList();
        Assert.Equal(roots, logs.Select(l => Traceability.Ledger.Evm.Hex.Encode(l.Log.Topics[1])).Order().ToList());
    }

    private Task SetMiningAsync(bool on) => _chain.SetMiningAsync(on, Ct);

    private Task<long> PendingTransactionsAsync() => _chain.PendingTransactionsAsync(Ct);

    private Task WaitForEmptyPoolAsync() => WaitUntilAsync(async () => await PendingTransactionsAsync() == 0, "the pool to be mined");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition()) return;
            await Task.Delay(50, Ct);
        }
        throw new TimeoutException($"waited in vain for {what}");
    }
}
