using Traceability.Domain.Fsma;
using Traceability.Domain.Units;

namespace Traceability.Domain.Tests.Fsma;

public class ShippingAndReceivingRows
{
    private static Fsma204Row Row(RecordedEvent evt) =>
        Assert.Single(Fsma204Export.Rows([FsmaSamples.Harvest(), evt], FsmaSamples.Products, FsmaSamples.Places),
            r => r.Event != CriticalTrackingEvent.Harvesting);

    [Fact]
    public void AShipmentNamesLotProductQuantityAndBothEnds()
    {
        var row = Row(FsmaSamples.Shipment());

        Assert.Equal("(01)09506000134352(10)L-0601", row.TraceabilityLotCode);
        Assert.Equal("Romaine lettuce, whole heads, 24 ct carton", row.ProductDescription);
        Assert.Equal(("1000", "kilogram (KGM)"), (row.Quantity, row.UnitOfMeasure));
        Assert.Equal("Green Valley Farm, Salinas CA (GLN 9506000000015)", row.ShipFromLocation);
        Assert.Equal("Fresh Cut Co., Yuma AZ (GLN 9506000000022)", row.ShipToLocation);
        Assert.Equal(row.ShipFromLocation, row.Location);
        Assert.Equal("2026-06-01", row.Date);
    }

    [Fact]
    public void AShipmentListsItsReferenceDocumentsInOrder()
    {
        var row = Row(FsmaSamples.Shipment());

        Assert.Equal("Purchase Order; Bill of Lading", row.ReferenceDocumentType);
        Assert.Equal("PO-778; BOL-12", row.ReferenceDocumentNumber);
    }

    [Fact]
    public void AReceiptNamesTheReceivingLocationAndThePreviousSource()
    {
        var row = Row(FsmaSamples.Receipt());

        Assert.Equal(CriticalTrackingEvent.Receiving, row.Event);
        Assert.Equal("Fresh Cut Co., Yuma AZ (GLN 9506000000022)", row.Location);
        Assert.Equal("Green Valley Farm, Salinas CA (GLN 9506000000015)", row.ShipFromLocation);
        Assert.Equal("Fresh Cut Co.", row.RecordedBy);
    }

    [Fact]
    public void NamesTheRecordersOwnGlnWithoutALookup()
    {
        var row = Assert.Single(Fsma204Export.Rows([FsmaSamples.Shipment()], FsmaSamples.Products));

        Assert.Equal("Green Valley Farm (GLN 9506000000015)", row.ShipFromLocation);
        Assert.Equal("GLN 9506000000022", row.ShipToLocation);
    }

    [Fact]
    public void DescribesAnUnknownProductByItsGtin()
    {
        var row = Assert.Single(Fsma204Export.Rows([FsmaSamples.Shipment()], _ => null));

        Assert.Equal("GTIN 09506000134352", row.ProductDescription);
    }

    [Fact]
    public void DatesTheEventInItsOwnTimeZone()
    {
        // 16:00 at -07:00 is already 2 June in UTC; the shipment happened on 1 June where it happened.
        var row = Row(FsmaSamples.Shipment());

        Assert.Equal("2026-06-01", row.Date);
        Assert.Equal(TimeSpan.FromHours(-7), row.EventTime.Offset);
    }

    [Fact]
    public void TakesTheEventIdFromTheRecordWhenGiven()
    {
        var shipment = FsmaSamples.Shipment() with { EventId = "ni:///sha-256;given?ver=CBV2.0" };

        Assert.Equal("ni:///sha-256;given?ver=CBV2.0", Row(shipment).EventId);
    }

    [Fact]
    public void ComputesTheEventHashWhenNoIdIsKnown() =>
        Assert.Matches("^ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2.0$", Row(FsmaSamples.Shipment()).EventId);

    [Fact]
    public void CountsInstancesOfALotAsEachesAndSumsAmountsPerUnitThatDoNotConvert()
    {
        var shipment = FsmaSamples.ByFarm($$"""
            { "type": "ObjectEvent", "eventTime": "2026-06-01T16:00:00Z", "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
              "epcList": ["https://id.gs1.org/01/{{FsmaSamples.Lettuce}}/10/L1/21/1", "https://id.gs1.org/01/{{FsmaSamples.Lettuce}}/10/L1/21/2",
                          "https://id.gs1.org/00/095060000000000015"],
              "quantityList": [
                { "epcClass": "https://id.gs1.org/01/{{FsmaSamples.Lettuce}}/10/L1", "quantity": 10, "uom": "KGM" },
                { "epcClass": "https://id.gs1.org/01/{{FsmaSamples.Lettuce}}/10/L1", "quantity": 2.5, "uom": "KGM" }],
              "bizStep": "shipping" }
            """);

        var row = Assert.Single(Fsma204Export.Rows([shipment], FsmaSamples.Products));

        Assert.Equal(("2; 12.5", "each (EA); kilogram (KGM)"), (row.Quantity, row.UnitOfMeasure));
        Assert.Equal("", row.QuantityAsRecorded);
    }
}
