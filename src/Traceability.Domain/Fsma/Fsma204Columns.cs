using System.Globalization;

namespace Traceability.Domain.Fsma;

/// <summary>
/// The spreadsheet's columns, in order: each with its header, what it holds (sent with the XLSX as the "other
/// information needed to understand" the spreadsheet, §1.1455(c)(3)(ii)) and its cell text.
/// </summary>
public static class Fsma204Columns
{
    public sealed record Column(string Name, string Meaning, Func<Fsma204Row, string> Cell);

    public static IReadOnlyList<Column> All { get; } =
    [
        new("Traceability Lot Code", "The GS1 element string (01) GTIN (10) lot.", r => r.TraceabilityLotCode),
        new("Traceability Lot Code Source", "Location description of where the lot code was assigned (the place of the event that created the lot).", r => r.TraceabilityLotCodeSource),
        new("Traceability Lot Code Source Reference", "The GS1 Digital Link of that place's GLN, which resolves to its description.", r => r.TraceabilityLotCodeSourceReference),
        new("Product Description", "Product name (English and Chinese), brand and pack size from the registered product master data.", r => r.ProductDescription),
        new("Quantity", "Quantity of the lot in this event, in the lot's unit of measure.", r => r.Quantity),
        new("Unit of Measure", "The lot's unit (UN/ECE Rec 20 code in brackets): the unit of the event that created the lot. Events that used another unit of the same kind are converted; a unit that does not convert is kept and stated.", r => r.UnitOfMeasure),
        new("Quantity as Recorded", "What the event itself said, when its quantity was converted into the lot's unit.", r => r.QuantityAsRecorded),
        new("Critical Tracking Event", "Harvesting, Cooling, Initial Packing, First Land-Based Receiving, Shipping, Receiving or Transformation (21 CFR 1.1325-1.1350).", r => r.Event.DisplayName()),
        new("Transformation Role", "For transformations: Input (food used, with its quantity) or Output (new lot made).", r => r.TransformationRole),
        new("Date", "Date of the event where it happened: harvested, cooled, packed, landed, shipped, received, or transformation completed.", r => r.Date),
        new("Event Time", "Time of the event with its UTC offset.", r => r.EventTime.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
        new("Location", "Where the event happened: farm (and field) of harvest, place of cooling, packing or landing, location shipped from, received at, or transformed at.", r => r.Location),
        new("Ship-From Location", "Shipping: the location shipped from. Receiving: the immediate previous source, from the receipt's source list or else the shipment it answers.", r => r.ShipFromLocation),
        new("Ship-To Location", "Shipping: the immediate subsequent recipient. Receiving: where the food was received. Harvesting and Cooling: the immediate subsequent recipient, from the lot's next shipment.", r => r.ShipToLocation),
        new("Input Traceability Lot Codes", "On a transformation's output rows: the lots used (each also has an Input row).", r => r.InputTraceabilityLotCodes),
        new("Logistic Units (SSCC)", "The pallets or cases, as (00) SSCC element strings, the lot travelled in when the event named those and not the lot.", r => r.LogisticUnits),
        new("Reference Document Type", "Type of each business document the event names (purchase order, despatch advice, invoice …), in the event's order.", r => r.ReferenceDocumentType),
        new("Reference Document Number", "Number of each of those documents, in the same order.", r => r.ReferenceDocumentNumber),
        new("Recorded By", "The organisation whose record this is (for a harvest: the harvester's business name).", r => r.RecordedBy),
        new("Event ID", "The event's CBV 2.0 hash: rows of one event share it, and it names the event's ledger proof (GET /events/{id}/proof).", r => r.EventId),
    ];

    public static IReadOnlyList<string> Header { get; } = All.Select(c => c.Name).ToList();

    public static IReadOnlyList<string> Cells(Fsma204Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return All.Select(c => c.Cell(row)).ToList();
    }

    /// <summary>
    /// A cell's text as a spreadsheet must get it: text a spreadsheet would run as a formula (starting with = + - @,
    /// tab or CR, per OWASP's CSV injection advice) gets a leading apostrophe, which spreadsheets show as text.
    /// Both the CSV and the XLSX writer use it.
    /// </summary>
    public static string Guarded(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
