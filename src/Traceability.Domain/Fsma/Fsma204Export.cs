using System.Globalization;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Fsma;

/// <summary>
/// The electronic sortable spreadsheet of FDA's Food Traceability Rule (21 CFR Part 1 Subpart S, §1.1455(c)(3)(ii)):
/// EPCIS events mapped to critical tracking events with their key data elements, one row per traceability lot per
/// event. A transformation gives a row per input lot and per output lot; a shipped or received pallet (SSCC) gives a
/// row per lot aggregated onto it at that moment.
/// </summary>
/// <remarks>
/// Rows are built for every event given, and the events also serve as the context that fills in what one event
/// does not say: each lot's code source and unit (its creating event), pallet contents (aggregations), a receipt's
/// previous source (the matching shipment) and a harvest's next recipient (the lot's next shipment). Give the
/// context events too, even from outside the period asked for, and filter the rows afterwards. Events declared in
/// error are left out, as rows and as context.
/// </remarks>
public static class Fsma204Export
{
    public static IReadOnlyList<string> Header => Fsma204Columns.Header;

    /// <param name="events">Validated events and who recorded them.</param>
    /// <param name="productDescription">The product description for a 14-digit GTIN (name, brand, pack size …), or null when unknown.</param>
    /// <param name="locationName">The name of the organisation or place a GLN stands for, or null when unknown.</param>
    /// <returns>The rows in spreadsheet order (<see cref="Fsma204Row.Order"/>).</returns>
    public static IReadOnlyList<Fsma204Row> Rows(
        IEnumerable<RecordedEvent> events, Func<string, string?> productDescription, Func<string, string?>? locationName = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(productDescription);
        var recorded = events.Where(r => !r.Event.HasErrorDeclaration)
            .DistinctBy(EventIdOf, StringComparer.Ordinal)
            .OrderBy(r => r.Event.EventTime)
            .ToList();
        var chain = new ChainContext(recorded, new LocationDescriber(locationName), productDescription);
        var rows = new List<Fsma204Row>();
        foreach (var r in recorded)
        {
            if (CteClassifier.Classify(r.Event) is { } cte)
                rows.AddRange(chain.RowsOf(r, cte));
        }
        rows.Sort(Fsma204Row.Order);
        return rows;
    }

    /// <summary>
    /// Writes the header and the rows, sorted (<see cref="Fsma204Row.Order"/>), as RFC 4180 CSV with CRLF line ends.
    /// Writes text only: give a writer that encodes UTF-8 with a byte order mark (<c>new UTF8Encoding(true)</c>), or
    /// spreadsheet programs will misread names that are not ASCII.
    /// </summary>
    public static void WriteCsv(IEnumerable<Fsma204Row> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        Csv.WriteRecord(writer, Header);
        foreach (var row in rows.Order(Fsma204Row.Order))
            Csv.WriteRecord(writer, Fsma204Columns.Cells(row));
    }

    /// <summary>The GS1 element string of a lot key /01/{gtin14}/10/{lot}.</summary>
    public static string TraceabilityLotCode(string lotKey) =>
        Identifiers.SplitLot(lotKey) is { } lot ? $"(01){lot.Gtin}(10){lot.Lot}" : lotKey;

    /// <summary>The GS1 element string of a logistic unit path /00/{sscc}.</summary>
    public static string LogisticUnitCode(string containerPath) =>
        containerPath.StartsWith("/00/", StringComparison.Ordinal) ? $"(00){containerPath[4..]}" : containerPath;

    /// <summary>The event time in the event's own time zone (eventTimeZoneOffset), which dates the event.</summary>
    internal static DateTimeOffset LocalTime(EpcisEvent e)
    {
        var zone = e.EventTimeZoneOffset;
        if (!TimeZoneOffset.IsValid(zone))
            return e.EventTime;
        var offset = new TimeSpan(int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture), int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture), 0);
        return e.EventTime.InZone(zone[0] == '-' ? -offset : offset); // UTC at the very ends of the calendar
    }

    internal static string EventIdOf(RecordedEvent r) =>
        r.EventId ?? JsonValues.StringOrNull(r.Event.Json["eventID"]) ?? EventHash.ComputeId(r.Event.Json);
}
