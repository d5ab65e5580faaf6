using CsCheck;
using Traceability.Domain.Fsma;
using Traceability.Domain.Units;
using Traceability.Testing;

namespace Traceability.Domain.Tests.Fsma;

public class CsvFormat
{
    private static string Write(IEnumerable<Fsma204Row> rows)
    {
        using var writer = new StringWriter();
        Fsma204Export.WriteCsv(rows, writer);
        return writer.ToString();
    }

    private static Fsma204Row RowWith(string description, string tlc = "(01)09506000134352(10)L1", string eventId = "ni:///sha-256;a?ver=CBV2.0") => new()
    {
        TraceabilityLotCode = tlc,
        ProductDescription = description,
        Quantity = "1",
        UnitOfMeasure = "each (EA)",
        Event = CriticalTrackingEvent.Shipping,
        EventTime = new DateTimeOffset(2026, 6, 1, 16, 0, 0, TimeSpan.FromHours(-7)),
        RecordedBy = "Green Valley Farm",
        EventId = eventId,
    };

    private static int Column(string name) => Fsma204Export.Header.ToList().IndexOf(name);

    [Fact]
    public void StartsWithTheHeaderAndEndsEveryRecordWithCrlf()
    {
        var csv = Write(Fsma204Export.Rows(FsmaSamples.Chain(), FsmaSamples.Products));

        Assert.StartsWith("Traceability Lot Code,Traceability Lot Code Source,Traceability Lot Code Source Reference,Product Description,Quantity,Unit of Measure,", csv);
        Assert.EndsWith("\r\n", csv);
        Assert.Equal(8, csv.Split("\r\n").Length - 1); // header, harvest, shipment, receipt, two inputs and two outputs of the cut
    }

    [Fact]
    public void EveryRecordHasEveryColumn()
    {
        var records = CsvParser.Parse(Write(Fsma204Export.Rows(FsmaSamples.Chain(), FsmaSamples.Products, FsmaSamples.Places)));

        Assert.Equal(Fsma204Export.Header, records[0]);
        Assert.All(records, r => Assert.Equal(Fsma204Export.Header.Count, r.Count));
    }

    [Fact]
    public void WritesTheKeyDataElementsOfAShipment()
    {
        var record = CsvParser.Parse(Write(Fsma204Export.Rows([FsmaSamples.Shipment()], FsmaSamples.Products, FsmaSamples.Places)))[1];

        Assert.Equal("(01)09506000134352(10)L-0601", record[Column("Traceability Lot Code")]);
        Assert.Equal("Shipping", record[Column("Critical Tracking Event")]);
        Assert.Equal("2026-06-01", record[Column("Date")]);
        Assert.Equal("2026-06-01T16:00:00-07:00", record[Column("Event Time")]);
        Assert.Equal("1000", record[Column("Quantity")]);
        Assert.Equal("kilogram (KGM)", record[Column("Unit of Measure")]);
        Assert.Equal("Purchase Order; Bill of Lading", record[Column("Reference Document Type")]);
    }

    [Fact]
    public void QuotesFieldsHoldingCommasQuotesAndLineBreaks()
    {
        var csv = Write([RowWith("Lettuce, \"Romaine\"\r\n24 ct")]);

        Assert.Contains(",\"Lettuce, \"\"Romaine\"\"\r\n24 ct\",", csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+2")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    public void DisarmsCellsASpreadsheetWouldRunAsFormulas(string description)
    {
        var cell = CsvParser.Parse(Write([RowWith(description)]))[1][Column("Product Description")];

        Assert.Equal("'" + description, cell);
    }

    [Fact]
    public void SortsTheRowsItIsGiven()
    {
        var records = CsvParser.Parse(Write([RowWith("x", tlc: "(01)2"), RowWith("x", tlc: "(01)1", eventId: "b"), RowWith("x", tlc: "(01)1", eventId: "a")]));

        Assert.Equal(["(01)1/a", "(01)1/b", "(01)2/ni:///sha-256;a?ver=CBV2.0"], records.Skip(1).Select(r => r[0] + "/" + r[Column("Event ID")]));
    }

    [Fact]
    public void AnyTextReadsBackAsWrittenApartFromTheFormulaGuard() =>
        Gen.String[Gen.Char["ab,\"\r\n =+-@;样"], 0, 20].Sample(description =>
        {
            var cell = CsvParser.Parse(Write([RowWith(description)]))[1][Column("Product Description")];
            var guarded = description.Length > 0 && description[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
            return cell == (guarded ? "'" + description : description);
        });
}
