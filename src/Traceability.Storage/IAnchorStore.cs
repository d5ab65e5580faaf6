namespace Traceability.Storage;

/// <summary>Anchoring state: events waiting for a batch, batches, their transactions and receipts.</summary>
public interface IAnchorStore
{
    /// <summary>Organisations with events in no anchor batch yet, with how many and since when.</summary>
    Task<IReadOnlyList<PendingBacklog>> GetPendingBacklogAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> of an organisation's unbatched events, oldest first.</summary>
    Task<IReadOnlyList<PendingEvent>> GetPendingEventsAsync(string orgId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Records a batch and assigns its events their leaf indexes, atomically. Throws
    /// <see cref="DuplicateException"/> when the batch exists or any event is already in a batch.
    /// </summary>
    Task CreateBatchAsync(AnchorBatch batch, CancellationToken cancellationToken);

    /// <summary>Remembers the transaction sent for a batch (replacing any earlier one).</summary>
    Task RecordBatchSentAsync(string batchId, string txHash, CancellationToken cancellationToken);

    /// <summary>Marks a batch and all its events anchored. Idempotent.</summary>
    Task CompleteBatchAsync(string batchId, AnchorReceipt receipt, CancellationToken cancellationToken);

    /// <summary>Forgets a batch's receipt (the chain lost the block), so it will be anchored again.</summary>
    Task ReopenBatchAsync(string batchId, CancellationToken cancellationToken);

    Task<AnchorBatch?> GetBatchAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>Batches recorded but not yet anchored, oldest first (crash recovery).</summary>
    Task<IReadOnlyList<AnchorBatch>> GetUnanchoredBatchesAsync(CancellationToken cancellationToken);

    /// <summary>Anchored batches whose block is above <paramref name="blockNumber"/> (checked after the chain went back).</summary>
    Task<IReadOnlyList<AnchorBatch>> GetBatchesAnchoredAboveAsync(ulong blockNumber, CancellationToken cancellationToken);

    /// <summary>The batches and leaf indexes of many events in two round trips (a lot's page); unknown events are absent.</summary>
    Task<IReadOnlyDictionary<string, EventAnchor>> GetEventAnchorsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>The event's batch and leaf index; null when the event is unknown.</summary>
    Task<EventAnchor?> GetEventAnchorAsync(string eventId, CancellationToken cancellationToken);
}
