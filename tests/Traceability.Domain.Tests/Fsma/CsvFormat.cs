using CsCheck;
using Traceability.Domain.Fsma;

namespace Traceability.Domain.Tests.Fsma;

public class CsvFormat
{
    private static string Write(IEnumerable<Fsma204Row> rows)
    {
        using var writer = new StringWriter();
        Fsma204Export.WriteCsv(rows, writer);
        return writer.ToString();
    }

    private static Fsma204Row RowWith(string description, string tlc = "(01)09506000134352(10)L1", string eventId = "ni:///sha-256;a?ver=CBV2.0") =>
        new(tlc, "", description, "1", "EA", CriticalTrackingEvent.Shipping, new DateTimeOffset(2026, 6, 1, 16, 0, 0, TimeSpan.FromHours(-7)),
            "", "", "", "", "", "", "Green Valley Farm", eventId);

    [Fact]
    public void StartsWithTheHeaderAndEndsEveryRecordWithCrlf()
    {
        var csv = Write(Fsma204Export.Rows(FsmaSamples.Chain(), FsmaSamples.Products));

        Assert.StartsWith("Traceability Lot Code,Traceability Lot Code Source,Product Description,Quantity,Unit of Measure,", csv);
        Assert.EndsWith("\r\n", csv);
        Assert.Equal(6, csv.Split("\r\n").Length - 1);
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

        Assert.Equal("(01)09506000134352(10)L-0601", record[0]);
        Assert.Equal("Shipping", record[5]);
        Assert.Equal("2026-06-01", record[6]);
        Assert.Equal("2026-06-01T16:00:00-07:00", record[7]);
        Assert.Equal("Purchase Order; Bill of Lading", record[12]);
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
        var cell = CsvParser.Parse(Write([RowWith(description)]))[1][2];

        Assert.Equal("'" + description, cell);
    }

    [Fact]
    public void SortsTheRowsItIsGiven()
    {
        var records = CsvParser.Parse(Write([RowWith("x", tlc: "(01)2"), RowWith("x", tlc: "(01)1", eventId: "b"), RowWith("x", tlc: "(01)1", eventId: "a")]));

        Assert.Equal(["(01)1/a", "(01)1/b", "(01)2/ni:///sha-256;a?ver=CBV2.0"], records.Skip(1).Select(r => r[0] + "/" + r[15]));
    }

    [Fact]
    public void AnyTextReadsBackAsWrittenApartFromTheFormulaGuard() =>
        Gen.String[Gen.Char["ab,\"\r\n =+-@;样"], 0, 20].Sample(description =>
        {
            var cell = CsvParser.Parse(Write([RowWith(description)]))[1][2];
            var guarded = description.Length > 0 && description[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
            return cell == (guarded ? "'" + description : description);
        });
}
