using System.Collections.Concurrent;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Ledger;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Merkle;
using Traceability.Storage;

namespace Traceability.Api.Anchoring;

/// <summary>
/// The steps of anchoring one batch: record it, send <c>anchor(root, count)</c> signed with the
/// organisation's key, and complete it from the receipt, or, after a crash or a lost receipt,
/// from what the chain says about the root.
/// </summary>
public sealed class BatchAnchorer(
    IAnchorStore store, ILedger ledger, Consumer.StoryVersion stories, TimeProvider clock, ILogger<BatchAnchorer> logger)
{
    // Batches completed lately, re-checked after an outage in case the chain came back without their blocks.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recentlyCompleted = new(StringComparer.Ordinal);

    /// <summary>The batch's tree: events, then their consumer views.</summary>
    public static MerkleTree TreeOf(AnchorBatch batch) => MerkleTree.Build(batch.LeafIds.Select(EventHash.Digest).ToArray());

    /// <summary>Records a new batch over these pending events and their consumer views (made at capture); nothing is sent yet.</summary>
    public async Task<AnchorBatch> RecordAsync(string orgId, IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken)
    {
        var draft = new AnchorBatch("", orgId, events.Select(e => e.EventId).ToList(), clock.GetUtcNow(), 0) { ViewIds = events.Select(e => e.ViewId).ToList() };
        var root = TreeOf(draft).Root;
        var head = await ledger.HeadAsync(cancellationToken);
        var batch = draft with { BatchId = Hex.Encode(root), SearchFromBlock = head };
        await store.CreateBatchAsync(batch, cancellationToken);
        return batch;
    }

    /// <summary>Sends the batch's anchor, signed by its organisation, and remembers the transaction.</summary>
    public async Task<AnchorSubmission> SendAsync(AnchorBatch batch, CancellationToken cancellationToken)
    {
        var submitted = await ledger.SubmitAnchorAsync(batch.OrgId, Hex.Decode(batch.BatchId), (uint)batch.TreeSize, cancellationToken);
        await store.RecordBatchSentAsync(batch.BatchId, submitted.TxId, cancellationToken);
        return submitted;
    }

    /// <summary>Waits for the commit and marks the batch anchored.</summary>
    public async Task CommitAsync(AnchorBatch batch, AnchorSubmission submitted, CancellationToken cancellationToken)
    {
        try
        {
            var commit = await ledger.CommitAnchorAsync(submitted, cancellationToken);
            await CompleteAsync(batch, new AnchorReceipt(commit.TxId, commit.BlockNumber, commit.AnchoredBy, commit.At), cancellationToken);
        }
        catch (AnchorExistsException ex)
        {
            // An earlier send of this batch (before a crash or a timeout) landed first: take its record.
            if (!await TryCompleteFromChainAsync(batch, cancellationToken))
                throw new CommitStatusException($"batch {batch.BatchId} is anchored but its record is not visible yet", ex.TransactionHash ?? "");
        }
    }

    /// <summary>
    /// Completes a recorded batch from the ledger when it knows the root; false when the root was never anchored
    /// (the batch must be sent again).
    /// </summary>
    public async Task<bool> TryCompleteFromChainAsync(AnchorBatch batch, CancellationToken cancellationToken)
    {
        if (await ledger.FindAnchorAsync(Hex.Decode(batch.BatchId), batch.TxHash, batch.SearchFromBlock, cancellationToken) is not { } commit)
            return false;
        await CompleteAsync(batch, new AnchorReceipt(commit.TxId, commit.BlockNumber, commit.AnchoredBy, commit.At), cancellationToken);
        return true;
    }

    /// <summary>
    /// After an outage: batches the ledger no longer knows (it came back from an older state) are
    /// reopened so they are anchored again. Checks those above the current head and those completed lately.
    /// </summary>
    public async Task ReopenLostBatchesAsync(CancellationToken cancellationToken)
    {
        var head = await ledger.HeadAsync(cancellationToken);
        var suspects = (await store.GetBatchesAnchoredAboveAsync(head, cancellationToken)).Select(b => b.BatchId)
            .Concat(_recentlyCompleted.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var batchId in suspects)
        {
            if (!await ledger.IsAnchoredAsync(Hex.Decode(batchId), cancellationToken))
            {
                logger.LogWarning("anchor batch {Batch} is no longer on the ledger; anchoring it again", batchId);
                await store.ReopenBatchAsync(batchId, cancellationToken);
                stories.Bump();
            }
            _recentlyCompleted.TryRemove(batchId, out _);
        }
    }

    private async Task CompleteAsync(AnchorBatch batch, AnchorReceipt receipt, CancellationToken cancellationToken)
    {
        await store.CompleteBatchAsync(batch.BatchId, receipt, cancellationToken);
        stories.Bump();
        var now = clock.GetUtcNow();
        _recentlyCompleted[batch.BatchId] = now;
        foreach (var (id, at) in _recentlyCompleted)
        {
            if (now - at > TimeSpan.FromMinutes(2)) _recentlyCompleted.TryRemove(id, out _);
        }
    }
}
