using Traceability.Domain.Organisations;

namespace Traceability.Storage;

/// <summary>
/// The one store port: exactly what the application needs, no generic repository. Adapters:
/// <c>Sqlite.SqliteTraceStore</c> (embedded default) and <c>Mongo.MongoTraceStore</c>; both pass the
/// shared contract suite in tests/Traceability.Storage.Tests.
/// </summary>
public interface ITraceStore : IAsyncDisposable
{
    /// <summary>Creates tables/collections and every index the queries need; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Adds an organisation; throws <see cref="DuplicateException"/> when its id, name (ignoring case), API key hash or GLN is taken.</summary>
    Task AddOrganisationAsync(Organisation organisation, CancellationToken cancellationToken);
    Task<Organisation?> GetOrganisationAsync(string orgId, CancellationToken cancellationToken);
    Task<Organisation?> FindOrganisationByApiKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken);
    Task<Organisation?> FindOrganisationByGlnAsync(string gln, CancellationToken cancellationToken);
    Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores new events, the lot states they change and the capture job, all in one transaction.
    /// Events whose id is already stored are skipped (idempotent capture); the result says which were new.
    /// </summary>
    Task<AppendResult> AppendAsync(CaptureWrite write, CancellationToken cancellationToken);

    Task<StoredEvent?> GetEventAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Which of these event ids are already stored (one round trip for a whole document).</summary>
    Task<IReadOnlySet<string>> FindExistingEventIdsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);
    Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>Current state of the given lots (custody, conformance); unknown lots are absent.</summary>
    Task<IReadOnlyDictionary<string, LotState>> GetLotsAsync(IReadOnlyCollection<string> lotKeys, CancellationToken cancellationToken);

    Task SaveCaptureJobAsync(CaptureJob job, CancellationToken cancellationToken);
    Task<CaptureJob?> GetCaptureJobAsync(string captureId, CancellationToken cancellationToken);

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

    /// <summary>The event's batch and leaf index; null when the event is unknown.</summary>
    Task<EventAnchor?> GetEventAnchorAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Stores a new recall; throws <see cref="DuplicateException"/> when its id exists.</summary>
    Task AddRecallAsync(Recall recall, CancellationToken cancellationToken);
    Task<Recall?> GetRecallAsync(string recallId, CancellationToken cancellationToken);

    /// <summary>Recalls newest first; only those naming the organisation as a party when <paramref name="partyOrgId"/> is given.</summary>
    Task<IReadOnlyList<Recall>> ListRecallsAsync(string? partyOrgId, CancellationToken cancellationToken);

    /// <summary>Recalls that name the lot (as origin or affected), newest first.</summary>
    Task<IReadOnlyList<Recall>> GetRecallsForLotAsync(string lotKey, CancellationToken cancellationToken);

    /// <summary>Marks an active recall lifted; false when it is unknown or was already lifted (nothing changes then).</summary>
    Task<bool> LiftRecallAsync(string recallId, RecallLifting lifting, CancellationToken cancellationToken);

    Task AddAcknowledgementAsync(RecallAcknowledgement acknowledgement, CancellationToken cancellationToken);
    Task<IReadOnlyList<RecallAcknowledgement>> GetAcknowledgementsAsync(string recallId, CancellationToken cancellationToken);

    Task AddAlertAsync(Alert alert, CancellationToken cancellationToken);

    /// <summary>Alerts newest first; for one lot when <paramref name="lotKey"/> is given.</summary>
    Task<IReadOnlyList<Alert>> ListAlertsAsync(string? lotKey, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a product's master data.</summary>
    Task SaveProductAsync(Product product, CancellationToken cancellationToken);
    Task<Product?> GetProductAsync(string gtin, CancellationToken cancellationToken);

    /// <summary>Counts for health reporting.</summary>
    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken);
}

public sealed class DuplicateException(string message) : Exception(message);
