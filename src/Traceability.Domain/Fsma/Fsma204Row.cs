using System.Globalization;

namespace Traceability.Domain.Fsma;

/// <summary>
/// One row of the FSMA 204 sortable spreadsheet: one traceability lot in one critical tracking event, with the
/// key data elements the rule names (<see cref="Fsma204Columns"/> says what each column holds for which event).
/// Location columns hold a location description: the name the export knows for the GLN and the GLN itself, e.g.
/// "Green Valley Farm (GLN 9506000000015)". Columns that do not apply to the event are empty.
/// </summary>
public sealed record Fsma204Row
{
    public required string TraceabilityLotCode { get; init; }
    public string TraceabilityLotCodeSource { get; init; } = "";
    public string TraceabilityLotCodeSourceReference { get; init; } = "";
    public required string ProductDescription { get; init; }
    public string Quantity { get; init; } = "";
    public string UnitOfMeasure { get; init; } = "";
    public string QuantityAsRecorded { get; init; } = "";
    public required CriticalTrackingEvent Event { get; init; }
    public string TransformationRole { get; init; } = "";
    public required DateTimeOffset EventTime { get; init; }
    public string Location { get; init; } = "";
    public string ShipFromLocation { get; init; } = "";
    public string ShipToLocation { get; init; } = "";
    public string InputTraceabilityLotCodes { get; init; } = "";
    public string LogisticUnits { get; init; } = "";
    public string ReferenceDocumentType { get; init; } = "";
    public string ReferenceDocumentNumber { get; init; } = "";
    public required string RecordedBy { get; init; }
    public required string EventId { get; init; }

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
        if (byTime != 0) return byTime;
        var byEvent = string.CompareOrdinal(a.EventId, b.EventId);
        return byEvent != 0 ? byEvent : string.CompareOrdinal(a.TransformationRole, b.TransformationRole);
    });
}
