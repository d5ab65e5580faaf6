using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Fsma;

/// <summary>
/// An event as the export sees it: the event, who recorded it (whose records the rule makes these), and its
/// id when already known (stored events carry it; otherwise the event's own eventID or its CBV 2.0 hash is used).
/// </summary>
public sealed record RecordedEvent(EpcisEvent Event, string RecordedByName, string? RecordedByGln = null, string? EventId = null);
