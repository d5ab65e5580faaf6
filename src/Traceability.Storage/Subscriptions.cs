namespace Traceability.Storage;

/// <summary>A named query of one organisation: its EPCIS query as JSON (the binding's query object), kept as given.</summary>
public sealed record NamedQuery(string OrgId, string Name, string QueryJson, DateTimeOffset CreatedAt);

/// <summary>
/// A webhook subscription to a named query: where to send results (<see cref="Dest"/>), the client's signing secret,
/// and when (as events are captured, or on a schedule kept as the binding's schedule object in JSON).
/// </summary>
public sealed record Subscription(
    string Id,
    string OrgId,
    string QueryName,
    string Dest,
    string? SignatureToken,
    bool Stream,
    string? ScheduleJson,
    bool ReportIfEmpty,
    DateTimeOffset? InitialRecordTime,
    string? EpcFormat,
    DateTimeOffset CreatedAt)
{
    /// <summary>The sequence of the last event delivered or passed over; delivery continues after it.</summary>
    public long Position { get; init; }

    /// <summary>When the receiver last acknowledged a delivery (2xx).</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>When the subscription is next due: now for a stream, its next scheduled time, or a retry's time.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Failed deliveries in a row (the backoff grows with it); 0 after a success.</summary>
    public int Attempts { get; init; }

    public string? LastError { get; init; }

    /// <summary>The delivering instance's lease, if any.</summary>
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
}

/// <summary>What a delivery round leaves behind (see <see cref="ISubscriptionStore.RecordDeliveryAsync"/>).</summary>
public sealed record DeliveryProgress(
    long Position, DateTimeOffset? LastNotifiedAt, DateTimeOffset NextAttemptAt, int Attempts, string? LastError, DateTimeOffset? LeaseUntil);
