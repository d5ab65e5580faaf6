namespace Traceability.Storage;

/// <summary>
/// The EPCIS REST binding's top-level resources as the store knows them: the distinct values events use (EPCs,
/// business steps, dispositions, locations, read points, event types), and the capture jobs, listed in pages.
/// </summary>
public interface IEventResourceStore
{
    /// <summary>
    /// Distinct values of one kind in ordinal order, those after <paramref name="after"/>, at most
    /// <paramref name="max"/>; with <paramref name="writerOrgId"/> only values of that organisation's events.
    /// Identifiers are in the canonical form they are stored and queried in.
    /// </summary>
    Task<IReadOnlyList<string>> ListEventValuesAsync(
        EventValueKind kind, string? after, int max, string? writerOrgId, CancellationToken cancellationToken);

    /// <summary>An organisation's capture jobs by id, those after <paramref name="afterId"/>, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<CaptureJob>> ListCaptureJobsAsync(string orgId, string? afterId, int max, CancellationToken cancellationToken);
}

/// <summary>A field whose values the binding lists as a top-level resource.</summary>
public enum EventValueKind { EventType, Epc, BizStep, BizLocation, ReadPoint, Disposition }
