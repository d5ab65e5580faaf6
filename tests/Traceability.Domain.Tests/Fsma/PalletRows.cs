using Traceability.Domain.Fsma;
using Traceability.Domain.Units;

namespace Traceability.Domain.Tests.Fsma;

/// <summary>A shipped or received pallet ships or receives the lots on it at that moment.</summary>
public class PalletRows
{
    private const string Pallet = "https://id.gs1.org/00/095060000000000015";
    private const string Case = "https://id.gs1.org/00/095060000000000022";
    private static string Lot(string lot) => $"https://id.gs1.org/01/{FsmaSamples.Lettuce}/10/{lot}";

    private static RecordedEvent Aggregate(string action, string parent, string time, string children) => FsmaSamples.ByFarm($$"""
        { "type": "AggregationEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+00:00", "action": "{{action}}",
          "parentID": "{{parent}}", {{children}} "bizStep": "packing",
          "bizLocation": { "id": "https://id.gs1.org/414/{{FsmaSamples.FarmGln}}" } }
        """);

    private static RecordedEvent Pack(string time, string lot, int cartons) =>
        Aggregate("ADD", Pallet, time, $$""" "childQuantityList": [{ "epcClass": "{{Lot(lot)}}", "quantity": {{cartons}}, "uom": "CT" }], """);

    private static RecordedEvent ShipPallet(string time, string unit = Pallet) => FsmaSamples.ByFarm($$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
          "epcList": ["{{unit}}"], "bizStep": "shipping",
          "bizLocation": { "id": "https://id.gs1.org/414/{{FsmaSamples.FarmGln}}" },
          "bizTransactionList": [{ "type": "desadv", "bizTransaction": "urn:epcglobal:cbv:bt:{{FsmaSamples.FarmGln}}:DA-1" }],
          "destinationList": [{ "type": "owning_party", "destination": "https://id.gs1.org/417/{{FsmaSamples.PackerGln}}" }] }
        """);

    private static RecordedEvent ReceivePallet(string time) => FsmaSamples.ByPacker($$"""
        { "type": "ObjectEvent", "eventTime": "{{time}}", "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
          "epcList": ["{{Pallet}}"], "bizStep": "receiving",
          "bizLocation": { "id": "https://id.gs1.org/414/{{FsmaSamples.PackerGln}}" } }
        """);

    private static List<Fsma204Row> Rows(CriticalTrackingEvent cte, params RecordedEvent[] events) =>
        Fsma204Export.Rows(events, FsmaSamples.Products, FsmaSamples.Places).Where(r => r.Event == cte).ToList();

    [Fact]
    public void AShippedPalletGivesARowPerLotOnItWithItsQuantity()
    {
        var rows = Rows(CriticalTrackingEvent.Shipping,
            Pack("2026-06-01T08:00:00Z", "L1", 40), Pack("2026-06-01T08:10:00Z", "L2", 20), ShipPallet("2026-06-01T09:00:00Z"));

        Assert.Equal(
            [("(01)09506000134352(10)L1", "40", "carton (CT)"), ("(01)09506000134352(10)L2", "20", "carton (CT)")],
            rows.Select(r => (r.TraceabilityLotCode, r.Quantity, r.UnitOfMeasure)));
        Assert.All(rows, r =>
        {
            Assert.Equal("(00)095060000000000015", r.LogisticUnits);
            Assert.Equal("Fresh Cut Co., Yuma AZ (GLN 9506000000022)", r.ShipToLocation);
            Assert.Equal("DA-1", r.ReferenceDocumentNumber);
        });
    }

    [Fact]
    public void AReceivedPalletGivesARowPerLotWithTheSourceOfTheShipment()
    {
        var row = Assert.Single(Rows(CriticalTrackingEvent.Receiving,
            Pack("2026-06-01T08:00:00Z", "L1", 40), ShipPallet("2026-06-01T09:00:00Z"), ReceivePallet("2026-06-01T15:00:00Z")));

        Assert.Equal(("(01)09506000134352(10)L1", "40"), (row.TraceabilityLotCode, row.Quantity));
        Assert.Equal("Green Valley Farm, Salinas CA (GLN 9506000000015)", row.ShipFromLocation);
        Assert.Equal("Fresh Cut Co., Yuma AZ (GLN 9506000000022)", row.Location);
        Assert.Equal(row.Location, row.ShipToLocation);
    }

    [Fact]
    public void ShipsWhatWasOnThePalletAtThatMoment()
    {
        var rows = Rows(CriticalTrackingEvent.Shipping,
            Pack("2026-06-01T08:00:00Z", "L1", 40),
            Pack("2026-06-01T08:10:00Z", "L2", 20),
            Aggregate("DELETE", Pallet, "2026-06-01T08:20:00Z", $$""" "childQuantityList": [{ "epcClass": "{{Lot("L2")}}", "quantity": 5, "uom": "CT" }], """),
            ShipPallet("2026-06-01T09:00:00Z"),
            Pack("2026-06-01T10:00:00Z", "L3", 7));

        Assert.Equal([("(01)09506000134352(10)L1", "40"), ("(01)09506000134352(10)L2", "15")], rows.Select(r => (r.TraceabilityLotCode, r.Quantity)));
    }

    [Fact]
    public void AnEmptiedPalletShipsNoLot()
    {
        var rows = Rows(CriticalTrackingEvent.Shipping,
            Pack("2026-06-01T08:00:00Z", "L1", 40),
            Aggregate("DELETE", Pallet, "2026-06-01T08:30:00Z", ""),
            ShipPallet("2026-06-01T09:00:00Z"));

        Assert.Empty(rows);
    }

    [Fact]
    public void FollowsCasesOnAPalletToTheirLots()
    {
        var rows = Rows(CriticalTrackingEvent.Shipping,
            Aggregate("ADD", Case, "2026-06-01T07:00:00Z", $$""" "childEPCs": ["{{Lot("L1")}}/21/1", "{{Lot("L1")}}/21/2"], """),
            Aggregate("ADD", Pallet, "2026-06-01T08:00:00Z", $$""" "childEPCs": ["{{Case}}"], """),
            ShipPallet("2026-06-01T09:00:00Z"));

        var row = Assert.Single(rows);
        Assert.Equal(("(01)09506000134352(10)L1", "2", "each (EA)"), (row.TraceabilityLotCode, row.Quantity, row.UnitOfMeasure));
        Assert.Equal("(00)095060000000000015", row.LogisticUnits);
    }

    [Fact]
    public void PackingOntoAPalletIsNoCriticalTrackingEvent() =>
        Assert.Empty(Fsma204Export.Rows([Pack("2026-06-01T08:00:00Z", "L1", 40)], FsmaSamples.Products));
}
