using Traceability.Domain.Capture;
using Traceability.Domain.Custody;

namespace Traceability.Storage;

/// <summary>
/// Captured events with the lot states and container contents they change, appended atomically, and the capture
/// jobs that reported on them.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Stores new events, the lot states and container contents they change, the declarations and the capture job,
    /// all in one transaction. Events whose id is already stored are skipped (idempotent capture).
    /// </summary>
    Task<AppendResult> AppendAsync(CaptureWrite write, CancellationToken cancellationToken);

    Task<StoredEvent?> GetEventAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>What is stored of those of these events captured before (one round trip for a whole document).</summary>
    Task<IReadOnlyDictionary<string, StoredEventFacts>> GetStoredFactsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken);

    /// <summary>Current state of the given lots (custody, conformance); unknown lots are absent.</summary>
    Task<IReadOnlyDictionary<string, LotState>> GetLotsAsync(IReadOnlyCollection<string> lotKeys, CancellationToken cancellationToken);

    /// <summary>The lots packed in each of these containers (/00/{sscc}); empty or unknown containers are absent.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetContainerContentsAsync(IReadOnlyCollection<string> containers, CancellationToken cancellationToken);

    Task SaveCaptureJobAsync(CaptureJob job, CancellationToken cancellationToken);
    Task<CaptureJob?> GetCaptureJobAsync(string captureId, CancellationToken cancellationToken);
}
