using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using Traceability.Api.Ledger;
using Traceability.Domain.Consumer;
using Traceability.Domain.Epcis.Hashing;
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
    ITraceStore store, KeyVault keys, Consumer.StoryVersion stories, IOptions<TraceOptions> options, TimeProvider clock, ILogger<BatchAnchorer> logger)
{
    private readonly TimeSpan _commitTimeout = options.Value.Ledger.CommitTimeout;

    // Batches completed lately, re-checked after an outage in case the chain came back without their blocks.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recentlyCompleted = new(StringComparer.Ordinal);

    /// <summary>The batch's tree: events, then their consumer views.</summary>
    public static MerkleTree TreeOf(AnchorBatch batch) => MerkleTree.Build(batch.LeafIds.Select(EventHash.Digest).ToArray());

    /// <summary>Records a new batch over these pending events and their consumer views; nothing is sent yet.</summary>
    public async Task<AnchorBatch> RecordAsync(LedgerSession session, string orgId, IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken)
    {
        var viewIds = events.Select(e => e.ViewId).ToList(); // made at capture: nothing is parsed or hashed again here
        var draft = new AnchorBatch("", orgId, events.Select(e => e.EventId).ToList(), clock.GetUtcNow(), 0) { ViewIds = viewIds };
        var root = TreeOf(draft).Root;
        var head = await session.Gateway.GetBlockNumberAsync(cancellationToken);
        var batch = draft with { BatchId = Hex.Encode(root), SearchFromBlock = head };
        await store.CreateBatchAsync(batch, cancellationToken);
        return batch;
    }

    /// <summary>Sends the batch's anchor transaction and remembers its hash.</summary>
    public async Task<SubmittedTransaction> SendAsync(LedgerSession session, AnchorBatch batch, CancellationToken cancellationToken)
    {
        var org = EvmIdentity.From(keys.Load(batch.OrgId));
        var submitted = await session.Registry.SubmitAnchorAsync(org, Hex.Decode(batch.BatchId), (uint)batch.TreeSize, cancellationToken);
        await store.RecordBatchSentAsync(batch.BatchId, submitted.TransactionHash, cancellationToken);
        return submitted;
    }

    /// <summary>Waits for the receipt and marks the batch anchored.</summary>
    public async Task CommitAsync(LedgerSession session, AnchorBatch batch, SubmittedTransaction submitted, CancellationToken cancellationToken)
    {
        try
        {
            var receipt = await submitted.GetCommitAsync(_commitTimeout, cancellationToken);
            await CompleteAsync(batch, new AnchorReceipt(receipt.TransactionHash, receipt.BlockNumber, submitted.From.ToString(), clock.GetUtcNow()), cancellationToken);
        }
        catch (CommitException ex) when (ex.Error?.Name == "AlreadyAnchored")
        {
            // An earlier send of this batch (before a crash or a timeout) landed first: take its record.
            if (!await TryCompleteFromChainAsync(session, batch, cancellationToken))
                throw new CommitStatusException($"batch {batch.BatchId} is anchored but its log is not visible yet", ex.TransactionHash ?? "");
        }
    }

    /// <summary>
    /// Completes a recorded batch from the chain when <c>anchors(root)</c> knows it; false when the root
    /// was never anchored (the batch must be sent again).
    /// </summary>
    public async Task<bool> TryCompleteFromChainAsync(LedgerSession session, AnchorBatch batch, CancellationToken cancellationToken)
    {
        var root = Hex.Decode(batch.BatchId);
        if (await session.Registry.AnchorsAsync(root, cancellationToken) is not { } onChain) return false;

        var receipt = batch.TxHash is { } hash ? await session.Gateway.GetReceiptAsync(hash, cancellationToken) : null;
        if (receipt is { Succeeded: true })
        {
            await CompleteAsync(batch, new AnchorReceipt(receipt.TransactionHash, receipt.BlockNumber, onChain.Org.ToString(), onChain.Timestamp), cancellationToken);
            return true;
        }
        var log = await session.Registry.FindAnchoredLogAsync(root, batch.SearchFromBlock, cancellationToken)
                  ?? await session.Registry.FindAnchoredLogAsync(root, 0, cancellationToken);
        if (log is null)
            throw new CommitStatusException($"root {batch.BatchId} is anchored but no Anchored log was found", batch.TxHash ?? "");
        await CompleteAsync(batch, new AnchorReceipt(log.TransactionHash, log.BlockNumber, onChain.Org.ToString(), onChain.Timestamp), cancellationToken);
        return true;
    }

    /// <summary>
    /// After an outage: batches the chain no longer knows (it came back from an older state) are
    /// reopened so they are anchored again. Checks those above the current head and those completed lately.
    /// </summary>
    public async Task ReopenLostBatchesAsync(LedgerSession session, CancellationToken cancellationToken)
    {
        var head = await session.Gateway.GetBlockNumberAsync(cancellationToken);
        var suspects = (await store.GetBatchesAnchoredAboveAsync(head, cancellationToken)).Select(b => b.BatchId)
            .Concat(_recentlyCompleted.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var batchId in suspects)
        {
            if (await session.Registry.AnchorsAsync(Hex.Decode(batchId), cancellationToken) is null)
            {
                logger.LogWarning("anchor batch {Batch} is no longer on the chain; anchoring it again", batchId);
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
