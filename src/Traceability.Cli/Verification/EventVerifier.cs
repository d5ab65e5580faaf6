using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Merkle;
using Traceability.Ledger.Registry;

namespace Traceability.Cli.Verification;

/// <summary>The step at which verification stopped.</summary>
public enum VerifyStep { Input, Hash, Proof, Path, Chain, Verified }

public sealed record VerifyOutcome(VerifyStep Step, bool Verified, bool Inconclusive, string Message);

/// <summary>
/// Checks one event end to end while trusting nothing the API says about the result: the event hash is
/// recomputed from the content, the root from the audit path, and the ledger is asked — an EVM chain over JSON-RPC,
/// a Fabric channel through a peer's gateway — whether that root was anchored, by whom, and for a tree of the proof's size.
/// </summary>
public sealed class EventVerifier(HttpClient api, HttpClient rpcHttp, TextWriter log)
{
    public Uri? RpcUrl { get; init; }
    public EvmAddress? Contract { get; init; }

    /// <summary>network.json of the Fabric network to ask about proofs anchored on Fabric; the identity of <see cref="FabricMsp"/> (default: its first organisation) reads.</summary>
    public string? FabricNetwork { get; init; }
    public string? FabricMsp { get; init; }

    public async Task<VerifyOutcome> VerifyAsync(JsonObject evt, JsonObject? documentContext, string? expectedId, JsonObject? proof, CancellationToken ct)
    {
        // 1. Content → id.
        string id;
        try
        {
            id = EventHash.ComputeId(evt, documentContext);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return Fail(VerifyStep.Hash, $"the event cannot be hashed: {ex.Message}");
        }
        log.WriteLine($"hash      {id}");
        var claimed = evt["eventID"]?.GetValue<string>();
        if (claimed is not null && claimed != id)
            return Fail(VerifyStep.Hash, $"the content hashes to {id}, not to its eventID {claimed}: the event was altered");
        if (expectedId is not null && expectedId != id)
            return Fail(VerifyStep.Hash, $"the content hashes to {id}, not to the requested {expectedId}: the event was altered");

        // 2. The proof (from the API unless given), for exactly this id.
        proof ??= await FetchProofAsync(id, ct);
        if (proof is null) return Fail(VerifyStep.Proof, $"the API has no proof for {id}");
        if (proof["eventId"]?.GetValue<string>() != id) return Fail(VerifyStep.Proof, "the proof is for another event");
        if (proof["status"]?.GetValue<string>() != "anchored")
            return new VerifyOutcome(VerifyStep.Proof, false, true, "the event is not anchored yet (pending); try again shortly");

        // 3. Audit path → root.
        byte[] root;
        int treeSize;
        try
        {
            var leaf = proof["leafIndex"]!.GetValue<int>();
            treeSize = proof["treeSize"]!.GetValue<int>();
            var path = proof["auditPath"]!.AsArray().Select(h => Hex.Decode(h!.GetValue<string>())).ToList();
            root = Hex.Decode(proof["root"]!.GetValue<string>());
            var computed = MerkleProof.RootFromPath(MerkleHash.Leaf(EventHash.Digest(id)), leaf, treeSize, path);
            log.WriteLine($"path      leaf {leaf} of {treeSize} → {Hex.Encode(computed)}");
            if (!computed.AsSpan().SequenceEqual(root))
                return Fail(VerifyStep.Path, $"the audit path leads to {Hex.Encode(computed)}, not to the proof's root {Hex.Encode(root)}");
        }
        catch (Exception ex) when (ex is NullReferenceException or FormatException or ArgumentException or InvalidOperationException)
        {
            return Fail(VerifyStep.Path, $"the proof is malformed: {ex.Message}");
        }

        // 4. The ledger, asked directly: the proof only says which kind of ledger to ask.
        if (proof["ledger"]?["kind"]?.GetValue<string>() == "fabric")
        {
            if (FabricNetwork is null)
                return new VerifyOutcome(VerifyStep.Chain, false, true,
                    $"the event is anchored on Hyperledger Fabric (channel {proof["ledger"]?["channel"]}); pass --fabric-network network.json to ask the ledger");
            return await new FabricAnchorCheck(FabricNetwork, FabricMsp, log).CheckAsync(id, proof, root, treeSize, ct);
        }
        var registry = await RegistryAsync(proof, ct);
        var anchored = await registry.AnchorsAsync(root, ct);
        if (anchored is null) return Fail(VerifyStep.Chain, $"root {Hex.Encode(root)} was never anchored on chain {registry.Contract.Gateway.ChainId} at {registry.Address}");
        if (anchored.EventCount != (uint)treeSize)
            return Fail(VerifyStep.Chain, $"the root was anchored for {anchored.EventCount} events, but the proof claims a tree of {treeSize}");
        var orgId = await registry.OrgIdOfAsync(anchored.Org, ct);
        var by = orgId.Length > 0 ? $"{anchored.Org} ({orgId})" : $"{anchored.Org} (no longer registered)";
        log.WriteLine($"chain     anchors({Hex.Encode(root)}) → {by}, {anchored.Timestamp:u}, a tree of {anchored.EventCount} leaves");
        return new VerifyOutcome(VerifyStep.Verified, true, false,
            $"VERIFIED: {id} is unaltered and was anchored by {by} at {anchored.Timestamp:u} on chain {registry.Contract.Gateway.ChainId}");
    }

    private async Task<JsonObject?> FetchProofAsync(string id, CancellationToken ct)
    {
        var digest = Convert.ToHexStringLower(EventHash.Digest(id));
        using var response = await api.GetAsync($"/events/{digest}/proof", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonObject>(ct);
    }

    // The RPC endpoint and contract come from the command line when given; otherwise from GET /ledger,
    // which only says where to look: the answers themselves come from the chain.
    private async Task<TraceRegistryClient> RegistryAsync(JsonObject proof, CancellationToken ct)
    {
        var rpcUrl = RpcUrl;
        var contract = Contract;
        if (rpcUrl is null || contract is null)
        {
            var ledger = await api.GetFromJsonAsync<JsonObject>("/ledger", ct)
                         ?? throw new InvalidOperationException("GET /ledger returned nothing");
            rpcUrl ??= new Uri(ledger["rpcUrl"]?.GetValue<string>() ?? throw new InvalidOperationException("GET /ledger names no rpcUrl; pass --rpc"));
            contract ??= EvmAddress.Parse(ledger["contract"]!.GetValue<string>());
        }
        var gateway = await EvmGateway.ConnectAsync(new JsonRpcClient(rpcHttp, rpcUrl), ct);
        log.WriteLine($"ledger    chain {gateway.ChainId}, contract {contract} at {rpcUrl}");
        return TraceRegistryClient.At(gateway, contract.Value);
    }

    internal static VerifyOutcome Fail(VerifyStep step, string message) => new(step, false, false, $"FAILED at {step.ToString().ToLowerInvariant()}: {message}");
}
