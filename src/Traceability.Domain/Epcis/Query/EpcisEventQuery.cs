using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.JsonLd;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Query;

/// <summary>
/// An EPCIS 2.0 SimpleEventQuery, parsed once (<see cref="EventQueryParser"/>): what a store can narrow by its indexes
/// (every list here is a superset filter, OR-ed within itself and AND-ed with the others), how to order and limit the
/// result, and the <see cref="Conditions"/> every event must meet as the reader is served it, so a filter never
/// matches on a field the reader may not see.
/// </summary>
public sealed record EpcisEventQuery
{
    public static readonly EpcisEventQuery All = new();

    public IReadOnlyList<string> EventTypes { get; init; } = [];

    /// <summary>Full CBV URIs (or the custom URI as given).</summary>
    public IReadOnlyList<string> BizSteps { get; init; } = [];
    public IReadOnlyList<string> Dispositions { get; init; } = [];

    /// <summary>Canonical identifiers (GS1 Digital Link where the value is a GS1 key).</summary>
    public IReadOnlyList<string> BizLocations { get; init; } = [];
    public IReadOnlyList<string> ReadPoints { get; init; } = [];
    public IReadOnlyList<string> AnyEpcs { get; init; } = [];
    public IReadOnlyList<string> EpcClasses { get; init; } = [];
    public IReadOnlyList<string> EventIds { get; init; } = [];

    public DateTimeOffset? GeEventTime { get; init; }
    public DateTimeOffset? LtEventTime { get; init; }
    public DateTimeOffset? GeRecordTime { get; init; }
    public DateTimeOffset? LtRecordTime { get; init; }

    public QueryOrder OrderBy { get; init; } = QueryOrder.None;

    /// <summary>orderDirection DESC (the binding's default once orderBy is given).</summary>
    public bool Descending { get; init; }

    /// <summary>Only the first N events in the order (needs <see cref="OrderBy"/>).</summary>
    public int? EventCountLimit { get; init; }

    /// <summary>More matching events than this is an error (QueryTooLargeException), not a shorter answer.</summary>
    public int? MaxEventCount { get; init; }

    public IReadOnlyList<EventCondition> Conditions { get; init; } = [];

    /// <summary>Whether an event, as this reader is served it, meets every condition.</summary>
    public bool Matches(ServedEvent evt)
    {
        foreach (var condition in Conditions)
        {
            if (!condition(evt)) return false;
        }
        return true;
    }
}

public enum QueryOrder { None, EventTime, RecordTime }

/// <summary>One test an event must pass.</summary>
public delegate bool EventCondition(ServedEvent evt);

/// <summary>
/// An event as one reader is served it (in full or its consumer view), with the repository's facts about it that are
/// not in the JSON (its id as stored, when it was recorded). Reads the model and JSON-LD scope once, when first asked.
/// </summary>
public sealed class ServedEvent(JsonObject json, string storedEventId, DateTimeOffset recordTime)
{
    private EpcisEvent? _model;
    private JsonLdContext? _context;

    public JsonObject Json { get; } = json;

    /// <summary>The stored event's id (a consumer view has its own in <see cref="Json"/>).</summary>
    public string StoredEventId { get; } = storedEventId;

    public DateTimeOffset RecordTime { get; } = recordTime;

    public EpcisEvent Model => _model ??= EpcisEvent.FromJson(Json);

    /// <summary>The event's JSON-LD scope: the EPCIS context with its own @context applied.</summary>
    public JsonLdContext Context => _context ??= JsonLdContext.Epcis.With(Json["@context"]);
}
