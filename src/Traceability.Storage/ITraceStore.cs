namespace Traceability.Storage;

/// <summary>
/// One backend's store: every port implemented by one adapter class, so that a capture appends its events, lot
/// states and job in one transaction. The application depends on the ports it uses (<see cref="IEventStore"/>,
/// <see cref="IAnchorStore"/>, <see cref="IRecallStore"/>, <see cref="IOrganisationStore"/>,
/// <see cref="IProductStore"/>, <see cref="IAlertStore"/>, <see cref="ISubscriptionStore"/>, <see cref="IEventResourceStore"/>); this umbrella is what the host creates and initialises.
/// Adapters: <c>Sqlite.SqliteTraceStore</c> (embedded default) and <c>Mongo.MongoTraceStore</c>; both pass the shared
/// contract suite in tests/Traceability.Storage.Tests.
/// </summary>
public interface ITraceStore : IEventStore, IAnchorStore, IRecallStore, IOrganisationStore, IProductStore, IAlertStore, IChangeFeed,
    ILeaseStore, ISessionStore, ILabPhotoStore, IFollowUpStore, ISubscriptionStore, IEventResourceStore, IAsyncDisposable
{
    /// <summary>Creates tables/collections and every index the queries need, migrating older data; safe on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Counts for health reporting.</summary>
    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken);
}

public sealed class DuplicateException(string message) : Exception(message);

/// <summary>
/// Another writer changed what this write was decided on (a lot's version moved, a lot appeared): nothing was
/// written; decide again on fresh state.
/// </summary>
public sealed class StoreConflictException(string message) : Exception(message);
