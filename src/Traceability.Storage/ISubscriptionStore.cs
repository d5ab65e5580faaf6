namespace Traceability.Storage;

/// <summary>
/// Named queries and their subscriptions (EPCIS 2.0 REST binding: <c>/queries</c>), with each subscription's delivery
/// position in the event sequence, so delivery resumes where it stopped after a restart. Several API instances may
/// share one store: a subscription is delivered by the instance holding its lease, never by two at once.
/// </summary>
public interface ISubscriptionStore
{
    /// <summary>Stores a named query; throws <see cref="DuplicateException"/> when the organisation has one of that name.</summary>
    Task AddQueryAsync(NamedQuery query, CancellationToken cancellationToken);

    Task<NamedQuery?> GetQueryAsync(string orgId, string name, CancellationToken cancellationToken);

    /// <summary>The organisation's queries by name, those after <paramref name="afterName"/>, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<NamedQuery>> ListQueriesAsync(string orgId, string? afterName, int max, CancellationToken cancellationToken);

    /// <summary>Removes a query and every subscription to it; false when there was none.</summary>
    Task<bool> DeleteQueryAsync(string orgId, string name, CancellationToken cancellationToken);

    /// <summary>Stores a subscription; throws <see cref="DuplicateException"/> when its id exists.</summary>
    Task AddSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken);

    Task<Subscription?> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>The subscriptions to one query by id, those after <paramref name="afterId"/>, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(string orgId, string queryName, string? afterId, int max, CancellationToken cancellationToken);

    /// <summary>Removes a subscription to the organisation's query; false when there was none.</summary>
    Task<bool> DeleteSubscriptionAsync(string orgId, string queryName, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> subscriptions that are due (<see cref="Subscription.NextAttemptAt"/> at or
    /// before <paramref name="now"/>) and not leased by another owner (no lease, or one that ended), to
    /// <paramref name="owner"/> until <paramref name="leaseUntil"/>, atomically: two callers never lease the same one.
    /// Stream subscriptions are due only while events newer than their position exist (up to <paramref name="latestSequence"/>),
    /// so an idle stream costs no write.
    /// </summary>
    Task<IReadOnlyList<Subscription>> ClaimDueSubscriptionsAsync(
        string owner, DateTimeOffset now, DateTimeOffset leaseUntil, long latestSequence, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Records how far delivery got and when to try next, and extends or ends the lease, only while
    /// <paramref name="owner"/> still holds it; false when the lease was lost or the subscription deleted.
    /// </summary>
    Task<bool> RecordDeliveryAsync(string subscriptionId, string owner, DeliveryProgress progress, CancellationToken cancellationToken);

    /// <summary>The lease ends now, so another owner may take the subscription; false when it was not held.</summary>
    Task<bool> ReleaseSubscriptionAsync(string subscriptionId, string owner, CancellationToken cancellationToken);
}
