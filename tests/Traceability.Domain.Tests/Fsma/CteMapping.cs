using Traceability.Domain.Fsma;

namespace Traceability.Domain.Tests.Fsma;

public class CteMapping
{
    private static CriticalTrackingEvent? CteOf(string type, string bizStep, string? extra = null)
    {
        var what = type switch
        {
            "AggregationEvent" => """ "parentID": "https://id.gs1.org/00/095060000000000015", "childQuantityList": [{ "epcClass": "https://id.gs1.org/01/09506000134352/10/L1", "quantity": 5 }] """,
            "TransactionEvent" => """ "quantityList": [{ "epcClass": "https://id.gs1.org/01/09506000134352/10/L1", "quantity": 5 }], "bizTransactionList": [{ "type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:9506000000015:PO-1" }] """,
            _ => """ "quantityList": [{ "epcClass": "https://id.gs1.org/01/09506000134352/10/L1", "quantity": 5 }] """,
        };
        var evt = FsmaSamples.ByFarm($$"""
            { "type": "{{type}}", "eventTime": "2026-06-01T07:30:00Z", "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
              {{what}}, "bizStep": "{{bizStep}}" {{extra}} }
            """);
        var row = Fsma204Export.Rows([evt], FsmaSamples.Products).SingleOrDefault();
        return row?.Event;
    }

    [Theory]
    [InlineData("ObjectEvent", "commissioning", CriticalTrackingEvent.Harvesting)]
    [InlineData("ObjectEvent", "https://ref.gs1.org/cbv/BizStep-commissioning", CriticalTrackingEvent.Harvesting)]
    [InlineData("ObjectEvent", "urn:gdst:bizstep:farmharvest", CriticalTrackingEvent.Harvesting)]
    [InlineData("ObjectEvent", "https://example.com/BizStep-cooling", CriticalTrackingEvent.Cooling)]
    [InlineData("ObjectEvent", "packing", CriticalTrackingEvent.InitialPacking)]
    [InlineData("ObjectEvent", "urn:gdst:bizstep:landing", CriticalTrackingEvent.FirstLandBasedReceiving)]
    [InlineData("ObjectEvent", "shipping", CriticalTrackingEvent.Shipping)]
    [InlineData("ObjectEvent", "cbv:BizStep-receiving", CriticalTrackingEvent.Receiving)]
    [InlineData("AggregationEvent", "shipping", CriticalTrackingEvent.Shipping)]
    [InlineData("AggregationEvent", "receiving", CriticalTrackingEvent.Receiving)]
    [InlineData("TransactionEvent", "shipping", CriticalTrackingEvent.Shipping)]
    public void MapsBusinessStepsToCriticalTrackingEvents(string type, string bizStep, CriticalTrackingEvent expected) =>
        Assert.Equal(expected, CteOf(type, bizStep));

    [Theory]
    [InlineData("ObjectEvent", "inspecting")]
    [InlineData("ObjectEvent", "storing")]
    [InlineData("ObjectEvent", "departing")]
    [InlineData("ObjectEvent", "https://example.com/bizStep/washing")]
    [InlineData("AggregationEvent", "packing")]
    public void LeavesOtherStepsOut(string type, string bizStep) =>
        Assert.Null(CteOf(type, bizStep));

    [Fact]
    public void LeavesOutAnEventDeclaredErroneous() =>
        Assert.Null(CteOf("ObjectEvent", "shipping", """, "errorDeclaration": { "declarationTime": "2026-06-03T00:00:00Z", "reason": "incorrect_data" } """));

    [Fact]
    public void UsesTheNamesOfTheRule() =>
        Assert.Equal(
            ["Harvesting", "Cooling", "Initial Packing", "First Land-Based Receiving", "Shipping", "Receiving", "Transformation"],
            Enum.GetValues<CriticalTrackingEvent>().Select(c => c.DisplayName()));
}
