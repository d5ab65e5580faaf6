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

    /// <summary>Counts for health reporting.</summary>
    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken);
}

public sealed class DuplicateException(string message) : Exception(message);
