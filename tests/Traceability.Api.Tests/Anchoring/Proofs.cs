using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Merkle;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Anchoring;

/// <summary>Reads proofs through the API and checks them against the chain without trusting the API.</summary>
internal static class Proofs
{
    public static string Digest(string eventId) => Convert.ToHexStringLower(EventHash.Digest(eventId));

    public static async Task<JsonObject?> GetAsync(HttpClient client, string eventId, CancellationToken ct)
    {
        var response = await client.GetAsync($"/events/{Digest(eventId)}/proof", ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonObject>(ct);
    }

    /// <summary>Polls until every event's proof says anchored; returns the proofs by event id.</summary>
    public static async Task<Dictionary<string, JsonObject>> WaitAnchoredAsync(
        HttpClient client, IReadOnlyCollection<string> eventIds, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        var proofs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var id in eventIds.Where(id => !proofs.ContainsKey(id)))
            {
                if (await GetAsync(client, id, ct) is { } proof && proof["status"]!.GetValue<string>() == "anchored") proofs[id] = proof;
            }
            if (proofs.Count == eventIds.Count) return proofs;
            if (DateTime.UtcNow > deadline)
            {
                var ready = await client.GetStringAsync("/health/ready", ct);
                throw new TimeoutException($"{eventIds.Count - proofs.Count} of {eventIds.Count} events still not anchored; readiness: {ready}");
            }
            await Task.Delay(100, ct);
        }
    }

    /// <summary>The registry named by GET /ledger, reached directly over JSON-RPC.</summary>
    public static async Task<TraceRegistryClient> RegistryAsync(HttpClient client, HttpClient rpcHttp, CancellationToken ct)
    {
        var ledger = (await client.GetFromJsonAsync<JsonObject>("/ledger", ct))!;
        var gateway = await EvmGateway.ConnectAsync(new JsonRpcClient(rpcHttp, new Uri(ledger["rpcUrl"]!.GetValue<string>())), ct);
        return TraceRegistryClient.At(gateway, EvmAddress.Parse(ledger["contract"]!.GetValue<string>()));
    }

    /// <summary>
    /// Asserts the proof recomputes its root from the event id, and that the chain holds that root,
    /// anchored by <paramref name="anchoredBy"/> with the proof's tree size, in the proof's transaction.
    /// </summary>
    public static async Task AssertHoldsOnChainAsync(string eventId, JsonObject proof, string anchoredBy, TraceRegistryClient registry, CancellationToken ct)
    {
        Assert.Equal(eventId, proof["eventId"]!.GetValue<string>());
        var leaf = proof["leafIndex"]!.GetValue<int>();
        var size = proof["treeSize"]!.GetValue<int>();
        var path = proof["auditPath"]!.AsArray().Select(h => Hex.Decode(h!.GetValue<string>())).ToList();
        var root = Hex.Decode(proof["root"]!.GetValue<string>());
        Assert.True(MerkleProof.Verify(EventHash.Digest(eventId), leaf, size, path, root), $"audit path of {eventId} does not lead to its root");

        var onChain = await registry.AnchorsAsync(root, ct);
        Assert.NotNull(onChain);
        Assert.Equal(EvmAddress.Parse(anchoredBy), onChain.Org);
        Assert.Equal((uint)size, onChain.EventCount);

        var ledger = proof["ledger"]!;
        Assert.Equal(registry.Address.ToString(), ledger["contract"]!.GetValue<string>());
        Assert.Equal(anchoredBy, ledger["anchoredBy"]!.GetValue<string>(), ignoreCase: true);
        var receipt = await registry.Contract.Gateway.GetReceiptAsync(ledger["txHash"]!.GetValue<string>(), ct);
        Assert.NotNull(receipt);
        Assert.Equal(ledger["blockNumber"]!.GetValue<ulong>(), receipt.BlockNumber);
    }

    /// <summary>
    /// Exactly once: every root holds only events of this set (leaves 0..n-1, their consumer views n..2n-1),
    /// and the members of all roots together are the set, each once.
    /// </summary>
    public static void AssertEachEventInExactlyOneBatch(IReadOnlyDictionary<string, JsonObject> proofs)
    {
        var byRoot = proofs.GroupBy(p => p.Value["root"]!.GetValue<string>()).ToList();
        foreach (var batch in byRoot)
        {
            var size = batch.First().Value["treeSize"]!.GetValue<int>();
            Assert.Equal(size, 2 * batch.Count());
            Assert.Equal(Enumerable.Range(0, size / 2), batch.Select(p => p.Value["leafIndex"]!.GetValue<int>()).Order());
        }
        Assert.Equal(proofs.Count, byRoot.Sum(b => b.Count()));
    }
}
