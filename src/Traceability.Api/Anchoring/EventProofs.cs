using System.Collections.Concurrent;
using Traceability.Ledger;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Merkle;
using Traceability.Storage;

namespace Traceability.Api.Anchoring;

/// <summary>
/// The ledger part of a proof: where the root was anchored and by whom. EVM (API.md): chainId, contract, txHash;
/// Fabric: channel, chaincode, txId. Absent fields are left out of the JSON.
/// </summary>
public sealed record ProofLedger(string Kind, long? ChainId, string? Contract, string? TxHash, ulong BlockNumber, string AnchoredBy)
{
    public string? Channel { get; init; }
    public string? Chaincode { get; init; }
    public string? TxId { get; init; }
}

/// <summary>An inclusion proof in the form API.md fixes (GET /events/{id}/proof).</summary>
public sealed record EventProof(
    string EventId, string Status, int? LeafIndex, int? TreeSize, IReadOnlyList<string>? AuditPath, string? Root, ProofLedger? Ledger)
{
    public static EventProof Pending(string eventId) => new(eventId, "pending", null, null, null, null, null);
}

/// <summary>
/// Builds inclusion proofs from the stored batch, for an event (leaf i) or for its consumer view
/// (leaf n + i). Tree size and leaf index come from the batch record, never from a client (under
/// RFC 6962 one path can verify under more than one size). Recently used trees are kept so a page of
/// events from one batch builds its tree once.
/// </summary>
public sealed class EventProofs(IAnchorStore store, ILedger ledger)
{
    private const int CachedTrees = 256;
    private readonly ConcurrentDictionary<string, MerkleTree> _trees = new(StringComparer.Ordinal);

    /// <summary>The event's proof, or null when the event is unknown.</summary>
    public async Task<EventProof?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        var anchor = await store.GetEventAnchorAsync(eventId, cancellationToken);
        return anchor is null ? null : ProofOf(anchor, eventId, view: false);
    }

    /// <summary>
    /// The proof of the event's consumer view, named by the view id the batch recorded; pending until
    /// the event's batch is anchored. Null when the event is unknown.
    /// </summary>
    public async Task<EventProof?> GetViewProofAsync(string eventId, string viewId, CancellationToken cancellationToken)
    {
        var anchor = await store.GetEventAnchorAsync(eventId, cancellationToken);
        return anchor is null ? null : ProofOf(anchor, viewId, view: true);
    }

    /// <summary>The proofs of many events' consumer views (a lot's page), by event id, in two store reads.</summary>
    public async Task<IReadOnlyDictionary<string, EventProof>> GetViewProofsAsync(
        IReadOnlyList<(string EventId, string ViewId)> events, CancellationToken cancellationToken)
    {
        var anchors = await store.GetEventAnchorsAsync(events.Select(e => e.EventId).ToList(), cancellationToken);
        var proofs = new Dictionary<string, EventProof>(StringComparer.Ordinal);
        foreach (var (eventId, viewId) in events)
            if (anchors.TryGetValue(eventId, out var anchor)) proofs[eventId] = ProofOf(anchor, viewId, view: true);
        return proofs;
    }

    /// <summary>The proof of leaf <paramref name="leafId"/> (an event, or with <paramref name="view"/> its consumer view) from its stored anchor.</summary>
    public EventProof ProofOf(EventAnchor anchor, string leafId, bool view)
    {
        if (anchor is not { IsAnchored: true, Batch: { } batch, LeafIndex: { } index }) return EventProof.Pending(leafId);
        var leaf = view ? batch.EventIds.Count + index : index;
        if (view && (batch.ViewIds.Count <= index || batch.ViewIds[index] != leafId)) return EventProof.Pending(leafId);

        var tree = TreeOf(batch);
        var id = ledger.Identity;
        return new EventProof(
            leafId,
            "anchored",
            leaf,
            tree.Size,
            tree.AuditPath(leaf).Select(h => Hex.Encode(h)).ToList(),
            Hex.Encode(tree.Root),
            id?.Kind == "fabric"
                ? new ProofLedger("fabric", null, null, null, batch.BlockNumber!.Value, batch.AnchoredBy!)
                {
                    Channel = id.Network, Chaincode = id.Contract, TxId = batch.TxHash,
                }
                : new ProofLedger("evm", id is null ? 0 : long.Parse(id.Network, System.Globalization.CultureInfo.InvariantCulture),
                    id?.Contract ?? "", batch.TxHash!, batch.BlockNumber!.Value, batch.AnchoredBy!));
    }

    private MerkleTree TreeOf(AnchorBatch batch)
    {
        if (_trees.TryGetValue(batch.BatchId, out var cached)) return cached;
        var tree = BatchAnchorer.TreeOf(batch);
        if (_trees.Count >= CachedTrees) _trees.Clear(); // crude bound; a rebuild costs about a millisecond
        _trees[batch.BatchId] = tree;
        return tree;
    }
}
