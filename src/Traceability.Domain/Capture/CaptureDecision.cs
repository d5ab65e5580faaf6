using Traceability.Domain.Custody;
using Traceability.Domain.Organisations;
using Traceability.Domain.Trust;

namespace Traceability.Domain.Capture;

public enum ErrorBehaviour { Rollback, Proceed }

/// <summary>What is stored about an event of this document that was captured before.</summary>
public sealed record StoredEventFacts(string EventId, string WriterOrgId, bool Declared);

/// <summary>
/// Everything a capture decision depends on besides the events, loaded by the caller in a bounded number of store
/// reads before deciding: the writer, the lots the events name (and those packed in the containers they move), what
/// those containers hold, which events were captured before, who holds the GTINs of lots being created, and which
/// organisation a GLN belongs to.
/// </summary>
public sealed record CaptureFacts(
    Organisation Writer,
    IReadOnlyDictionary<string, LotState> Lots,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ContainerContents,
    IReadOnlyDictionary<string, StoredEventFacts> Stored,
    IReadOnlyDictionary<string, GtinRights> Gtins,
    Func<string, string?> OrgIdByGln);

/// <summary>A new event to store: the standing its writer had, whether it names no known lot, whether its receipt matched no shipment.</summary>
public sealed record AcceptedEvent(CapturedEvent Event, EventStanding Standing, bool External, bool Unconfirmed);

/// <summary>An event of the document refused (with GS1-Capture-Error-Behaviour: proceed), and why.</summary>
public sealed record CaptureRefusal(int Index, string? EventId, TraceError Error, string Path);

/// <summary>
/// What one capture changes, decided without I/O: the events to store, the lot states and container contents they
/// change, the lots a declaration voided, the stored events declared in error, and the document's event ids in order.
/// </summary>
public sealed record CapturePlan(
    IReadOnlyList<AcceptedEvent> Accepted,
    IReadOnlyList<LotState> LotUpdates,
    IReadOnlyList<string> LotRemovals,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ContainerUpdates,
    IReadOnlyList<CapturedEvent> Declarations,
    IReadOnlyList<string> EventIds,
    IReadOnlyList<CaptureRefusal> Refusals)
{
    /// <summary>True when the plan changes nothing stored (every event was known or refused).</summary>
    public bool IsEmpty => Accepted.Count == 0 && LotUpdates.Count == 0 && LotRemovals.Count == 0 && Declarations.Count == 0 && ContainerUpdates.Count == 0;
}
