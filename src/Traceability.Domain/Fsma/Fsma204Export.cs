using System.Globalization;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Fsma;

/// <summary>
/// The electronic sortable spreadsheet of FDA's Food Traceability Rule (21 CFR Part 1 Subpart S, §1.1455(c)(3)(ii)):
/// EPCIS events mapped to critical tracking events with their key data elements, one row per traceability lot per
/// event; a transformation gives one row per output lot, listing its input lots.
/// </summary>
/// <remarks>
/// The traceability lot code is the GS1 element string "(01){GTIN}(10){lot}". Its source — where it was assigned — is
/// the place of the earliest event among those given that created the lot (an ObjectEvent ADD or a
/// transformation output), or that event's recorder when it names no place; pass the lots' creating events along
/// (even from before the export's period) to have it filled in.
/// </remarks>
public static class Fsma204Export
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Traceability Lot Code", "Traceability Lot Code Source", "Product Description", "Quantity", "Unit of Measure",
        "Critical Tracking Event", "Date", "Event Time", "Location", "Ship-From Location", "Ship-To Location",
        "Input Traceability Lot Codes", "Reference Document Type", "Reference Document Number", "Recorded By", "Event ID",
    ];

    private const string OwningParty = Cbv.Namespace + "SDT-owning_party";
    private const string PossessingParty = Cbv.Namespace + "SDT-possessing_party";
    private const string LocationType = Cbv.Namespace + "SDT-location";

    /// <param name="events">Validated events and who recorded them.</param>
    /// <param name="productDescription">The product description for a 14-digit GTIN (name, brand, pack size …), or null when unknown.</param>
    /// <param name="locationName">The name of the organisation or place a GLN stands for, or null when unknown.</param>
    /// <returns>The rows in spreadsheet order (<see cref="Fsma204Row.Order"/>).</returns>
    public static IReadOnlyList<Fsma204Row> Rows(
        IEnumerable<RecordedEvent> events, Func<string, string?> productDescription, Func<string, string?>? locationName = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(productDescription);
        var recorded = events.ToList();
        var describer = new LocationDescriber(locationName);
        var sources = LotCodeSources(recorded, describer);
        var rows = new List<Fsma204Row>();
        foreach (var r in recorded)
        {
            if (CteClassifier.Classify(r.Event) is { } cte)
                rows.AddRange(RowsOf(r, cte, describer, sources, productDescription));
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
            Csv.WriteRecord(writer, Cells(row));
    }

    /// <summary>The GS1 element string of a lot key /01/{gtin14}/10/{lot}.</summary>
    public static string TraceabilityLotCode(string lotKey) =>
        Identifiers.SplitLot(lotKey) is { } lot ? $"(01){lot.Gtin}(10){lot.Lot}" : lotKey;

    private static IEnumerable<Fsma204Row> RowsOf(
        RecordedEvent r, CriticalTrackingEvent cte, LocationDescriber describer, IReadOnlyDictionary<string, string> sources,
        Func<string, string?> productDescription)
    {
        var e = r.Event;
        var time = LocalTime(e);
        var eventId = EventIdOf(r);
        var (docTypes, docNumbers) = ReferenceDocuments.Describe(e.BizTransactions);
        var place = describer.Describe(e.BizLocation ?? e.ReadPoint, r);
        var from = describer.Describe(Party(e.Sources), r);
        var to = describer.Describe(Party(e.Destinations), r);
        string inputs = "";
        LotAmounts lots;
        switch (cte)
        {
            case CriticalTrackingEvent.Transformation:
                lots = LotAmounts.Of(e.OutputEpcList, e.OutputQuantityList);
                inputs = string.Join("; ", LotAmounts.Of(e.InputEpcList, e.InputQuantityList).Lots.Select(TraceabilityLotCode));
                break;
            case CriticalTrackingEvent.Shipping:
                lots = LotAmounts.Of(e.EpcList.Concat(e.ChildEpcs), e.QuantityList.Concat(e.ChildQuantityList));
                from = First(describer.Describe(Location(e.Sources), r), place, from, LocationDescriber.Recorder(r));
                place = from;
                break;
            case CriticalTrackingEvent.Receiving:
                lots = LotAmounts.Of(e.EpcList.Concat(e.ChildEpcs), e.QuantityList.Concat(e.ChildQuantityList));
                to = First(place, describer.Describe(Location(e.Destinations), r), LocationDescriber.Recorder(r));
                place = to;
                break;
            default:
                lots = LotAmounts.Of(e.EpcList, e.QuantityList);
                break;
        }
        place = First(place, LocationDescriber.Recorder(r));

        foreach (var lotKey in lots.Lots)
        {
            var (quantity, unit) = lots.Describe(lotKey);
            var gtin = Identifiers.SplitLot(lotKey)!.Value.Gtin;
            yield return new Fsma204Row(
                TraceabilityLotCode(lotKey),
                sources.GetValueOrDefault(lotKey, ""),
                productDescription(gtin) is { Length: > 0 } description ? description : $"GTIN {gtin}",
                quantity, unit, cte, time, place, from, to, inputs, docTypes, docNumbers, r.RecordedByName, eventId);
        }
    }

    private static IEnumerable<string> Cells(Fsma204Row row) =>
    [
        row.TraceabilityLotCode, row.TraceabilityLotCodeSource, row.ProductDescription, row.Quantity, row.UnitOfMeasure,
        row.Event.DisplayName(), row.Date, row.EventTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        row.Location, row.ShipFromLocation, row.ShipToLocation, row.InputTraceabilityLotCodes,
        row.ReferenceDocumentType, row.ReferenceDocumentNumber, row.RecordedBy, row.EventId,
    ];

    /// <summary>Where each lot got its code: the place of the earliest event that created it.</summary>
    private static Dictionary<string, string> LotCodeSources(IEnumerable<RecordedEvent> recorded, LocationDescriber describer)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in recorded.Where(r => !r.Event.HasErrorDeclaration).OrderBy(r => r.Event.EventTime))
        {
            var e = r.Event;
            var created = e.Type switch
            {
                EventType.TransformationEvent => LotAmounts.Of(e.OutputEpcList, e.OutputQuantityList).Lots,
                EventType.ObjectEvent when e.Action == "ADD" => LotAmounts.Of(e.EpcList, e.QuantityList).Lots,
                _ => [],
            };
            foreach (var lot in created)
                sources.TryAdd(lot, First(describer.Describe(e.BizLocation ?? e.ReadPoint, r), LocationDescriber.Recorder(r)));
        }
        return sources;
    }

    /// <summary>The event time in the event's own time zone (eventTimeZoneOffset), which dates the event.</summary>
    private static DateTimeOffset LocalTime(EpcisEvent e)
    {
        var zone = e.EventTimeZoneOffset;
        if (!TimeZoneOffset.IsValid(zone))
            return e.EventTime;
        var offset = new TimeSpan(int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture), int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture), 0);
        return e.EventTime.ToOffset(zone[0] == '-' ? -offset : offset);
    }

    private static string EventIdOf(RecordedEvent r) =>
        r.EventId ?? JsonValues.StringOrNull(r.Event.Json["eventID"]) ?? EventHash.ComputeId(r.Event.Json);

    private static string? Location(IReadOnlyList<SourceDest> parties) =>
        parties.FirstOrDefault(p => p.Type == LocationType)?.Id;

    /// <summary>A source or destination: its location if given, else the owning, else the possessing party.</summary>
    private static string? Party(IReadOnlyList<SourceDest> parties) =>
        Location(parties)
        ?? parties.FirstOrDefault(p => p.Type == OwningParty)?.Id
        ?? parties.FirstOrDefault(p => p.Type == PossessingParty)?.Id;

    private static string First(params string[] candidates) => candidates.FirstOrDefault(c => c.Length > 0) ?? "";
}
