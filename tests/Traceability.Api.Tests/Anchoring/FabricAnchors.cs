using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Fabric;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Merkle;
using Traceability.Storage;
using Traceability.Storage.Sqlite;
using Traceability.Testing;

namespace Traceability.Api.Tests.Anchoring;

/// <summary>
/// A Fabric network of a test class's own (stopping a node would fail other classes' transactions), with a few member
/// organisations; subclasses set how it orders. Without the binaries <see cref="Network"/> skips the test.
/// </summary>
public abstract class OwnFabricNetwork : IAsyncLifetime
{
    private FabricNetwork? _network;

    protected virtual IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["FABRIC_MEMBER_ORGS"] = "4" };

    public FabricNetwork Network
    {
        get
        {
            if (FabricNetwork.SkipReason is { } reason) Assert.Skip(reason);
            return _network ?? throw new InvalidOperationException("the Fabric network did not start");
        }
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (FabricNetwork.SkipReason is null) _network = await FabricNetwork.StartAsync(environment: Environment, cancellationToken: TestContext.Current.CancellationToken);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_network is not null) await _network.DisposeAsync();
    }
}

/// <summary>Checks what the API says about anchoring on Fabric against the ledger itself, through another organisation's gateway.</summary>
internal static class FabricAnchors
{
    /// <summary>The API process on this network, with small batches and a short interval.</summary>
    public static Dictionary<string, string> ApiSettings(FabricNetwork network) => new()
    {
        ["Trace__Ledger__Kind"] = "fabric",
        ["Trace__Ledger__FabricNetwork"] = NetworkJson(network),
        ["Trace__Ledger__ReconnectInterval"] = "00:00:00.250",
        ["Trace__Ledger__CommitTimeout"] = "00:00:10",
        ["Trace__Anchoring__MaxBatch"] = "4",
        ["Trace__Anchoring__Interval"] = "00:00:00.200",
    };

    public static string NetworkJson(FabricNetwork network) => Path.Combine(network.DataDirectory, "network.json");

    /// <summary>The batches the API recorded and has not completed, read from its SQLite file while it runs.</summary>
    public static Task<IReadOnlyList<AnchorBatch>> UnsettledBatchesAsync(string dataDir, CancellationToken ct) =>
        new SqliteTraceStore(Path.Combine(dataDir, "trace.db")).GetUnanchoredBatchesAsync(ct);

    /// <summary>What GetAnchor says of a root (<c>0x…</c> or bare hex), asked as Org2 through Org2's own peer; null when not anchored.</summary>
    public static async Task<JsonObject?> GetAnchorAsync(NetworkConnections ledger, string root, CancellationToken ct)
    {
        try
        {
            return JsonNode.Parse(await ledger.Contract("Org2MSP").EvaluateTransactionAsync("GetAnchor", [Bare(root)], ct))!.AsObject();
        }
        catch (EvaluateException e) when (e.ChaincodeError?.Name == "NotAnchored")
        {
            return null;
        }
    }

    /// <summary>
    /// Every event's proof holds (hash → audit path → root), every root is anchored by <paramref name="mspId"/> for the
    /// proof's tree size in the proof's transaction and block, each event is in exactly one batch, and the
    /// organisation anchored no other root (its Anchored events since block 0 are exactly the proofs' roots).
    /// </summary>
    public static async Task AssertAnchoredExactlyOnceAsync(HttpClient api, IReadOnlyCollection<string> ids, FabricNetwork network, string mspId, CancellationToken ct)
    {
        var proofs = await Proofs.WaitAnchoredAsync(api, ids, TimeSpan.FromSeconds(120), ct);
        Proofs.AssertEachEventInExactlyOneBatch(proofs);
        using var ledger = new NetworkConnections(NetworkFile.Load(NetworkJson(network)));
        await AssertProofsHoldOnLedgerAsync(ledger, proofs, network, mspId, ct);
        var roots = proofs.Values.Select(p => Bare(p["root"]!.GetValue<string>())).Distinct().Order().ToList();
        Assert.Equal(roots, (await AnchoredRootsAsync(ledger, network, mspId, ct)).Order().ToList());
    }

    /// <summary>
    /// Each proof's audit path leads to its root, and GetAnchor says that root was anchored by the proof's organisation
    /// (<paramref name="mspId"/> when given) for the proof's tree size, in the proof's transaction and block.
    /// </summary>
    public static async Task AssertProofsHoldOnLedgerAsync(
        NetworkConnections ledger, IReadOnlyDictionary<string, JsonObject> proofs, FabricNetwork network, string? mspId, CancellationToken ct)
    {
        foreach (var (id, proof) in proofs)
        {
            var path = proof["auditPath"]!.AsArray().Select(h => Hex.Decode(h!.GetValue<string>())).ToList();
            Assert.True(MerkleProof.Verify(EventHash.Digest(id), proof["leafIndex"]!.GetValue<int>(), proof["treeSize"]!.GetValue<int>(), path,
                Hex.Decode(proof["root"]!.GetValue<string>())), $"audit path of {id} does not lead to its root");
            var where = proof["ledger"]!;
            Assert.Equal("fabric", (string?)where["kind"]);
            Assert.Equal(network.Description.Channel, (string?)where["channel"]);
            Assert.Equal(network.Description.Chaincode, (string?)where["chaincode"]);
            Assert.Equal(mspId ?? (string?)where["anchoredBy"], (string?)where["anchoredBy"]);
        }
        foreach (var batch in proofs.Values.GroupBy(p => Bare(p["root"]!.GetValue<string>())))
        {
            var proof = batch.First();
            var anchor = await GetAnchorAsync(ledger, batch.Key, ct);
            Assert.NotNull(anchor);
            Assert.Equal((string?)proof["ledger"]!["anchoredBy"], (string?)anchor["org"]);
            Assert.Equal(proof["treeSize"]!.GetValue<int>(), (int)anchor["count"]!);
            Assert.Equal((string?)proof["ledger"]!["txId"], (string?)anchor["txId"]);
            Assert.Equal(proof["ledger"]!["blockNumber"]!.GetValue<ulong>(),
                await ledger.Channel("Org2MSP").GetBlockNumberByTransactionIdAsync((string)anchor["txId"]!, ct));
        }
    }

    /// <summary>The roots of every Anchored event by the organisation from block 0, read until the stream falls idle.</summary>
    private static async Task<List<string>> AnchoredRootsAsync(NetworkConnections ledger, FabricNetwork network, string mspId, CancellationToken ct)
    {
        var roots = new List<string>();
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await foreach (var e in ledger.Channel("Org2MSP").GetChaincodeEventsAsync(network.Description.Chaincode,
                               new ChaincodeEventsOptions { StartBlock = 0 }, idle.Token))
            {
                idle.CancelAfter(TimeSpan.FromSeconds(3)); // every committed block is delivered at once; silence means the end
                if (e.EventName != "Anchored") continue;
                var payload = JsonNode.Parse(e.Payload)!;
                if ((string?)payload["org"] == mspId) roots.Add((string)payload["root"]!);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
        return roots;
    }

    public static string Bare(string root) => root.StartsWith("0x", StringComparison.Ordinal) ? root[2..] : root;

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, CancellationToken ct, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited in vain for {what}");
            await Task.Delay(20, ct);
        }
    }
}
