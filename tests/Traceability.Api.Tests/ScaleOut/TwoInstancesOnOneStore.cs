using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Anchoring;
using Traceability.Api.Tests.Capture;
using Traceability.Testing;

namespace Traceability.Api.Tests.ScaleOut;

/// <summary>
/// Two API processes on one SQLite file and one chain, as <c>TRACE_API_INSTANCES=2 scripts/start</c> runs them:
/// captures, custody races, recalls and traces interleaved across both give the answers one instance would, and
/// every event is anchored exactly once.
/// </summary>
public sealed class TwoInstancesOnOneStore : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "trace-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _rpcHttp = new();
    private AnvilNode _chain = null!;
    private ApiProcess _a = null!;
    private ApiProcess _b = null!;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Trace__Anchoring__MaxBatch"] = "8",
        ["Trace__Anchoring__Interval"] = "00:00:00.200",
    };

    public async ValueTask InitializeAsync()
    {
        _chain = await AnvilNode.StartAsync();
        _a = await ApiProcess.StartAsync(_chain.RpcUrl, _dataDir, Settings); // deploys the registry
        _b = await ApiProcess.StartAsync(_chain.RpcUrl, _dataDir, Settings); // finds it in ledger.json
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _chain.DisposeAsync();
        _rpcHttp.Dispose();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task BothInstancesAgreeAndEveryEventIsAnchoredOnce()
    {
        var (farmKey, farmAddress) = await _a.CreateOrgAsync("Farm", "producer");
        var (shopKey, _) = await _b.CreateOrgAsync("Shop", "retailer", "9506000000206");
        var (regulatorKey, _) = await _a.CreateOrgAsync("Regulator", "regulator");
        using var farmA = _a.Client(farmKey);
        using var farmB = _b.Client(farmKey);
        using var shopA = _a.Client(shopKey);
        using var shopB = _b.Client(shopKey);
        using var regulatorA = _a.Client(regulatorKey);
        using var regulatorB = _b.Client(regulatorKey);

        // Captures interleaved across the instances.
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var client = i % 2 == 0 ? farmA : farmB;
            var created = await client.PostEvent(Epcis.Commission($"SO-{i}"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.Body())["eventId"]!.GetValue<string>());
        }

        // The same lot commissioned twice at once, once through each instance: exactly one wins.
        var race = await Task.WhenAll(
            farmA.PostEvent(Epcis.Commission("RACE", quantity: 1)),
            farmB.PostEvent(Epcis.Commission("RACE", quantity: 2)));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], race.Select(r => r.StatusCode).Order());
        ids.Add((await race.Single(r => r.StatusCode == HttpStatusCode.Created).Body())["eventId"]!.GetValue<string>());

        // Custody handed over through one instance, taken through the other; the farm then cannot ship it again.
        var shipped = await farmA.PostEvent(Epcis.Ship("SO-0", "9506000000206"));
        var received = await shopB.PostEvent(Epcis.Receive("SO-0"));
        Assert.Equal(HttpStatusCode.Created, shipped.StatusCode);
        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        ids.Add((await shipped.Body())["eventId"]!.GetValue<string>());
        ids.Add((await received.Body())["eventId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await farmB.PostEvent(Epcis.Ship("SO-0"))).StatusCode);

        // A transformation through B is traced through A, once A has followed the store.
        var transformed = await farmB.PostEvent(Epcis.Transform("SO-2", "SO-2-OUT"));
        Assert.Equal(HttpStatusCode.Created, transformed.StatusCode);
        ids.Add((await transformed.Body())["eventId"]!.GetValue<string>());
        var traceA = await EventuallyAsync(async () =>
        {
            var trace = await regulatorA.GetFromJsonAsync<JsonObject>($"/trace/{Epcis.Gtin}/SO-2?direction=forward", Ct);
            return trace!["lots"]!.AsArray().Any(l => l!["lot"]?.GetValue<string>() == "SO-2-OUT") ? trace : null;
        });
        var traceB = await regulatorB.GetFromJsonAsync<JsonObject>($"/trace/{Epcis.Gtin}/SO-2?direction=forward", Ct);
        Assert.Equal(traceB!["edges"]!.ToJsonString(), traceA["edges"]!.ToJsonString());

        // A recall ordered through B is seen through A, and the same order through A is a conflict.
        var recall = await regulatorB.PostAsJsonAsync("/recalls", new { gtin = Epcis.Gtin, lot = "SO-0", reason = "test", classification = "II" }, Ct);
        Assert.Equal(HttpStatusCode.Created, recall.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await regulatorA.PostAsJsonAsync("/recalls", new { gtin = Epcis.Gtin, lot = "SO-0", reason = "test", classification = "II" }, Ct)).StatusCode);
        Assert.Single((await shopA.GetFromJsonAsync<JsonArray>("/recalls?affecting=me", Ct))!);

        // Every event anchored, each in exactly one batch, once on chain, whichever instance anchored it.
        var proofs = await Proofs.WaitAnchoredAsync(_a.Client(), ids, TimeSpan.FromSeconds(120), Ct);
        Proofs.AssertEachEventInExactlyOneBatch(proofs);
        var registry = await Proofs.RegistryAsync(_a.Client(), _rpcHttp, Ct);
        foreach (var id in ids.Take(12)) await Proofs.AssertHoldsOnChainAsync(id, proofs[id], farmAddress, registry, Ct);
        var anchored = registry.Contract.Abi.Event("Anchored");
        var logs = await registry.Contract.Gateway.GetLogsAsync(registry.Address, [anchored.Topic0], 0, Ct);
        var roots = logs.Select(l => Traceability.Ledger.Evm.Hex.Encode(l.Log.Topics[1])).ToList();
        Assert.Equal(roots.Count, roots.Distinct().Count());
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("the other instance did not catch up within 10 s");
    }
}
