using Traceability.Domain.Fsma;
using Traceability.Domain.Units;

namespace Traceability.Domain.Tests.Fsma;

public class TransformationRows
{
    private static IReadOnlyList<Fsma204Row> Rows() =>
        Fsma204Export.Rows([FsmaSamples.Cutting()], FsmaSamples.Products, FsmaSamples.Places).Where(r => r.TransformationRole == "Output").ToList();

    private static IReadOnlyList<Fsma204Row> InputRows() =>
        Fsma204Export.Rows([FsmaSamples.Cutting()], FsmaSamples.Products, FsmaSamples.Places).Where(r => r.TransformationRole == "Input").ToList();

    [Fact]
    public void WritesOneRowPerOutputLot() =>
        Assert.Equal(["(01)09506000134369(10)S-0602A", "(01)09506000134369(10)S-0602B"], Rows().Select(r => r.TraceabilityLotCode));

    [Fact]
    public void ListsTheInputLotsOnEveryOutputRow() =>
        Assert.All(Rows(), row => Assert.Equal("(01)09506000134352(10)L-0601; (01)09506000134352(10)L-0530", row.InputTraceabilityLotCodes));

    [Fact]
    public void TheTransformationPlaceIsWhereTheNewLotCodesWereAssigned() =>
        Assert.All(Rows(), row =>
        {
            Assert.Equal(CriticalTrackingEvent.Transformation, row.Event);
            Assert.Equal("Fresh Cut Co., Yuma AZ (GLN 9506000000022)", row.Location);
            Assert.Equal(row.Location, row.TraceabilityLotCodeSource);
        });

    [Fact]
    public void GivesEachOutputItsOwnQuantityAsACount()
    {
        var rows = Rows();

        Assert.Equal(["1800", "700"], rows.Select(r => r.Quantity));
        Assert.All(rows, r => Assert.Equal("each (EA)", r.UnitOfMeasure));
        Assert.All(rows, r => Assert.Equal("Chopped romaine salad, 12 x 300 g", r.ProductDescription));
    }

    [Fact]
    public void WritesARowPerInputLotWithTheQuantityUsed()
    {
        var inputs = InputRows();

        Assert.Equal(["(01)09506000134352(10)L-0530", "(01)09506000134352(10)L-0601"], inputs.Select(r => r.TraceabilityLotCode));
        Assert.Equal([("200", "kilogram (KGM)"), ("600", "kilogram (KGM)")], inputs.Select(r => (r.Quantity, r.UnitOfMeasure)));
        Assert.All(inputs, r =>
        {
            Assert.Equal("Romaine lettuce, whole heads, 24 ct carton", r.ProductDescription);
            Assert.Equal("Fresh Cut Co., Yuma AZ (GLN 9506000000022)", r.Location);
            Assert.Equal("Production Order", r.ReferenceDocumentType);
            Assert.Equal("WO-5", r.ReferenceDocumentNumber);
            Assert.Equal("", r.InputTraceabilityLotCodes);
        });
        Assert.Single(inputs.Concat(Rows()).Select(r => r.EventId).Distinct());
    }

    [Fact]
    public void AnOutputWithoutALotHasNoRow()
    {
        var evt = FsmaSamples.ByPacker("""
            { "type": "TransformationEvent", "eventTime": "2026-06-02T11:00:00Z", "eventTimeZoneOffset": "+00:00",
              "inputQuantityList": [{ "epcClass": "https://id.gs1.org/01/09506000134352/10/L-0601", "quantity": 600, "uom": "KGM" }],
              "outputEPCList": ["https://id.gs1.org/01/09506000134369/21/77"] }
            """);

        Assert.DoesNotContain(Fsma204Export.Rows([evt], FsmaSamples.Products), r => r.TransformationRole == "Output");
    }
}
