namespace Traceability.Storage;

/// <summary>
/// A captured EPCIS event as stored: the JSON exactly as it will be served, plus the fields the
/// queries filter on. Identifiers are in canonical GS1 Digital Link form so URN and DL queries match.
/// </summary>
public sealed record StoredEvent(
    string EventId,
    string OrgId,
    string EventType,
    DateTimeOffset EventTime,
    DateTimeOffset RecordTime,
    string? BizStep,
    string? Disposition,
    string? BizLocation,
    string? ReadPoint,
    IReadOnlyList<string> Epcs,
    IReadOnlyList<string> EpcClasses,
    IReadOnlyList<string> LotKeys,
    bool External,
    string Json)
{
    /// <summary>Insertion order, assigned by the store; the paging cursor.</summary>
    public long Sequence { get; init; }

    /// <summary>What entitled the writer to say what the event says (<see cref="Domain.Trust.EventStanding"/>), decided at capture.</summary>
    public Domain.Trust.EventStanding Standing { get; init; } = Domain.Trust.EventStanding.Custodian;

    /// <summary>GLNs the event names as sources or destinations: their organisations may read it in full.</summary>
    public IReadOnlyList<string> PartyGlns { get; init; } = [];

    /// <summary>A receipt of lots nobody shipped to the writer.</summary>
    public bool Unconfirmed { get; init; }

    /// <summary>The id of the event's consumer view (made at capture); null for events stored before views were.</summary>
    public string? ViewId { get; init; }

    /// <summary>Its writer or a regulator declared it in error (the JSON carries the errorDeclaration).</summary>
    public bool Declared { get; init; }
}

/// <summary>
/// What one capture writes together: new events, the lot states they change, the job, and the stored events the
/// capturing organisation declared in error (their JSON, now carrying the errorDeclaration, replaces the old).
/// </summary>
public sealed record CaptureWrite(
    IReadOnlyList<StoredEvent> Events, IReadOnlyList<LotState> Lots, CaptureJob? Job, IReadOnlyList<DeclaredError>? Declarations = null)
{
    /// <summary>Lots a declaration voided (their creating event declared in error before anything else happened to them).</summary>
    public IReadOnlyList<string> RemovedLots { get; init; } = [];

    /// <summary>Containers whose contents changed, with their new contents (empty: unpacked).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Containers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>
/// An event declared in error (EPCIS 2.0 errorDeclaration): same event id, since the CBV hash leaves the
/// declaration out, so its proof still holds; the stored JSON gains the declaration.
/// </summary>
public sealed record DeclaredError(string EventId, string Json);

public sealed record AppendResult(IReadOnlyList<string> NewEventIds, IReadOnlyList<string> ExistingEventIds);

public enum CaptureJobStatus { Running, Succeeded, Failed, PartiallySucceeded }

public sealed record CaptureError(int EventIndex, string? EventId, string Type, string Path, string Detail);

public sealed record CaptureJob(
    string CaptureId,
    string OrgId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    CaptureJobStatus Status,
    string ErrorBehaviour,
    int EventCount,
    IReadOnlyList<string> EventIds,
    IReadOnlyList<CaptureError> Errors);

/// <summary>EPCIS query filters; lists are OR-ed within a parameter, parameters AND-ed.</summary>
public sealed record EventQuery
{
    public IReadOnlyList<string> EventTypes { get; init; } = [];
    public IReadOnlyList<string> BizSteps { get; init; } = [];
    public IReadOnlyList<string> Dispositions { get; init; } = [];
    public IReadOnlyList<string> AnyEpcs { get; init; } = [];
    public IReadOnlyList<string> EpcClasses { get; init; } = [];
    public IReadOnlyList<string> BizLocations { get; init; } = [];
    public IReadOnlyList<string> LotKeys { get; init; } = [];
    public DateTimeOffset? GeEventTime { get; init; }
    public DateTimeOffset? LtEventTime { get; init; }
    public DateTimeOffset? GeRecordTime { get; init; }
    public DateTimeOffset? LtRecordTime { get; init; }
    public IReadOnlyList<string> EventIds { get; init; } = [];
    public IReadOnlyList<string> ReadPoints { get; init; } = [];
    public string? OrgId { get; init; }
    /// <summary>Page size, 1 to <see cref="MaxPerPage"/>.</summary>
    public int PerPage { get; init; } = 100;
    public const int MaxPerPage = 10_000;

    /// <summary>The order of the page: insertion order (the default), event time or record time, then sequence.</summary>
    public EventOrder OrderBy { get; init; } = EventOrder.Sequence;
    public bool Descending { get; init; }

    /// <summary>
    /// Where the page starts (from a next-page token). Ascending: events with <see cref="StoredEvent.Sequence"/>
    /// greater than this. Descending: smaller than this, 0 meaning from the newest. With a time order, the events after
    /// (<see cref="AfterTime"/>, this) in that order.
    /// </summary>
    public long AfterSequence { get; init; }

    /// <summary>The ordering time of the last event of the previous page (time orders only; null: from the start).</summary>
    public DateTimeOffset? AfterTime { get; init; }
}

public enum EventOrder { Sequence, EventTime, RecordTime }

public sealed record EventPage(IReadOnlyList<StoredEvent> Events, long? NextAfterSequence);

/// <summary>Counts for health reporting; <see cref="UnanchoredEvents"/> is the anchoring backlog.</summary>
public sealed record StoreStats(string Kind, long Events, long Organisations, long UnanchoredEvents = 0);
