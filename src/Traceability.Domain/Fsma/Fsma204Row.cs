using System.Globalization;

namespace Traceability.Domain.Fsma;

/// <summary>
/// One row of the FSMA 204 sortable spreadsheet: one traceability lot in one critical tracking event, with the
/// key data elements the rule names. Location columns hold a location description: the name the export knows for
/// the GLN and the GLN itself, e.g. "Green Valley Farm (GLN 9506000000015)".
/// </summary>
public sealed record Fsma204Row(
    string TraceabilityLotCode,
    string TraceabilityLotCodeSource,
    string ProductDescription,
    string Quantity,
    string UnitOfMeasure,
    CriticalTrackingEvent Event,
    DateTimeOffset EventTime,
    string Location,
    string ShipFromLocation,
    string ShipToLocation,
    string InputTraceabilityLotCodes,
    string ReferenceDocumentType,
    string ReferenceDocumentNumber,
    string RecordedBy,
    string EventId)
{
    /// <summary>The date of the event, in the time zone where it happened.</summary>
    public string Date => EventTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The spreadsheet's order: by traceability lot code, then date, then time and event id.</summary>
    public static IComparer<Fsma204Row> Order { get; } = Comparer<Fsma204Row>.Create((a, b) =>
    {
        var byLot = string.CompareOrdinal(a.TraceabilityLotCode, b.TraceabilityLotCode);
        if (byLot != 0) return byLot;
        var byDate = string.CompareOrdinal(a.Date, b.Date);
        if (byDate != 0) return byDate;
        var byTime = a.EventTime.CompareTo(b.EventTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.EventId, b.EventId);
    });
}
