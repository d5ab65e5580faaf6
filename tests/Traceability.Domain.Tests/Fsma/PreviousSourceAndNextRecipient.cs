using Traceability.Domain.Fsma;

namespace Traceability.Domain.Tests.Fsma;

/// <summary>What a receipt or a harvest does not say itself is taken from the matching shipment.</summary>
public class PreviousSourceAndNextRecipient
{
    private const string OtherGln = "9506000000039";

    private static RecordedEvent ShipTo(string gln, string time = "2026-06-01T16:00:00-07:00") => FsmaSamples.ByFarm($$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "-07:00", "action": "OBSERVE",
          "quantityList": [{ "epcClass": "https://id.gs1.org/01/{{FsmaSamples.Lettuce}}/10/L-0601", "quantity": 500, "uom": "KGM" }],
          "bizStep": "shipping", "bizLocation": { "id": "https://id.gs1.org/414/{{FsmaSamples.FarmGln}}" },
          "destinationList": [{ "type": "owning_party", "destination": "https://id.gs1.org/417/{{gln}}" }] }
        """);

    private static RecordedEvent ReceiptWithoutSource() => FsmaSamples.ByPacker($$"""
        { "type": "ObjectEvent", "eventTime": "2026-06-02T06:10:00-07:00", "eventTimeZoneOffset": "-07:00", "action": "OBSERVE",
          "quantityList": [{ "epcClass": "https://id.gs1.org/01/{{FsmaSamples.Lettuce}}/10/L-0601", "quantity": 500, "uom": "KGM" }],
          "bizStep": "receiving", "bizLocation": { "id": "https://id.gs1.org/414/{{FsmaSamples.PackerGln}}" } }
        """);

    private static Fsma204Row Row(CriticalTrackingEvent cte, params RecordedEvent[] events) =>
        Assert.Single(Fsma204Export.Rows(events, FsmaSamples.Products, FsmaSamples.Places), r => r.Event == cte);

    [Fact]
    public void AReceiptWithoutSourceIsFromWhereTheShipmentToItsReceiverLeft() =>
        Assert.Equal("Green Valley Farm, Salinas CA (GLN 9506000000015)",
            Row(CriticalTrackingEvent.Receiving, ShipTo(FsmaSamples.PackerGln), ReceiptWithoutSource()).ShipFromLocation);

    [Fact]
    public void AShipmentToSomeoneElseIsNotTheOneAReceiptAnswers() =>
        Assert.Equal("", Row(CriticalTrackingEvent.Receiving, ShipTo(OtherGln), ReceiptWithoutSource()).ShipFromLocation);

    [Fact]
    public void AShipmentAfterTheReceiptIsNotTheOneItAnswers() =>
        Assert.Equal("", Row(CriticalTrackingEvent.Receiving, ShipTo(FsmaSamples.PackerGln, "2026-06-03T08:00:00-07:00"), ReceiptWithoutSource()).ShipFromLocation);

    [Fact]
    public void TheReceiptsOwnSourceListComesFirst()
    {
        // FsmaSamples.Receipt names the farm as its source; the only shipment left from elsewhere.
        var elsewhere = FsmaSamples.ByPacker($$"""
            { "type": "ObjectEvent", "eventTime": "2026-06-01T16:00:00-07:00", "eventTimeZoneOffset": "-07:00", "action": "OBSERVE",
              "quantityList": [{ "epcClass": "https://id.gs1.org/01/{{FsmaSamples.Lettuce}}/10/L-0601", "quantity": 1, "uom": "KGM" }],
              "bizStep": "shipping", "bizLocation": { "id": "https://id.gs1.org/414/{{OtherGln}}" },
              "destinationList": [{ "type": "owning_party", "destination": "https://id.gs1.org/417/{{FsmaSamples.PackerGln}}" }] }
            """);

        Assert.Equal("Green Valley Farm, Salinas CA (GLN 9506000000015)", Row(CriticalTrackingEvent.Receiving, elsewhere, FsmaSamples.Receipt()).ShipFromLocation);
    }

    [Fact]
    public void AHarvestsNextRecipientIsWhereTheLotWasShippedNext()
    {
        var row = Row(CriticalTrackingEvent.Harvesting, FsmaSamples.Harvest(), ShipTo(FsmaSamples.PackerGln), ShipTo(OtherGln, "2026-06-05T08:00:00-07:00"));

        Assert.Equal("Fresh Cut Co., Yuma AZ (GLN 9506000000022)", row.ShipToLocation);
        Assert.Equal("Green Valley Farm, Salinas CA (GLN 9506000000015)", row.Location);
    }

    [Fact]
    public void AHarvestNamesTheFieldItsReadPointGives()
    {
        var harvest = FsmaSamples.ByFarm($$"""
            { "type": "ObjectEvent", "eventTime": "2026-06-01T07:30:00-07:00", "eventTimeZoneOffset": "-07:00", "action": "ADD",
              "quantityList": [{ "epcClass": "https://id.gs1.org/01/{{FsmaSamples.Lettuce}}/10/L-0601", "quantity": 1200, "uom": "KGM" }],
              "bizStep": "commissioning", "readPoint": { "id": "https://id.gs1.org/414/{{FsmaSamples.FarmGln}}/254/Field-12" },
              "bizLocation": { "id": "https://id.gs1.org/414/{{FsmaSamples.FarmGln}}" } }
            """);

        var row = Row(CriticalTrackingEvent.Harvesting, harvest);

        Assert.Equal("Green Valley Farm, Salinas CA (GLN 9506000000015), sub-location Field-12", row.Location);
        Assert.Equal("Green Valley Farm, Salinas CA (GLN 9506000000015)", row.TraceabilityLotCodeSource);
    }
}
