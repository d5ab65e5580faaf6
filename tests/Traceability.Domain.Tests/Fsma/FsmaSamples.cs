using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Fsma;

namespace Traceability.Domain.Tests.Fsma;

/// <summary>A small supply chain: a farm harvests and ships lettuce to a packer, which receives it and cuts it into salad.</summary>
internal static class FsmaSamples
{
    public const string FarmGln = "9506000000015";
    public const string PackerGln = "9506000000022";
    public const string Lettuce = "09506000134352";
    public const string Salad = "09506000134369";

    public static readonly Func<string, string?> Products = gtin => gtin switch
    {
        Lettuce => "Romaine lettuce, whole heads, 24 ct carton",
        Salad => "Chopped romaine salad, 12 x 300 g",
        _ => null,
    };

    public static readonly Func<string, string?> Places = gln => gln switch
    {
        FarmGln => "Green Valley Farm, Salinas CA",
        PackerGln => "Fresh Cut Co., Yuma AZ",
        _ => null,
    };

    /// <summary>A validated event view, failing the test when the hand-made JSON is not valid EPCIS.</summary>
    public static EpcisEvent Event(string json)
    {
        var evt = JsonNode.Parse(json)!.AsObject();
        evt["@context"] ??= new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        var validation = EpcisValidator.ValidateEvent(evt);
        Assert.True(validation.IsValid, validation.ToString());
        return EpcisEvent.FromJson(evt);
    }

    public static RecordedEvent ByFarm(string json) => new(Event(json), "Green Valley Farm", FarmGln);

    public static RecordedEvent ByPacker(string json) => new(Event(json), "Fresh Cut Co.", PackerGln);

    public static RecordedEvent Harvest() => ByFarm($$"""
        { "type": "ObjectEvent", "eventTime": "2026-06-01T07:30:00-07:00", "eventTimeZoneOffset": "-07:00", "action": "ADD",
          "quantityList": [{ "epcClass": "https://id.gs1.org/01/{{Lettuce}}/10/L-0601", "quantity": 1200, "uom": "KGM" }],
          "bizStep": "commissioning", "disposition": "active",
          "bizLocation": { "id": "https://id.gs1.org/414/{{FarmGln}}" } }
        """);

    public static RecordedEvent Shipment() => ByFarm($$"""
        { "type": "ObjectEvent", "eventTime": "2026-06-01T16:00:00-07:00", "eventTimeZoneOffset": "-07:00", "action": "OBSERVE",
          "quantityList": [{ "epcClass": "https://id.gs1.org/01/{{Lettuce}}/10/L-0601", "quantity": 1000, "uom": "KGM" }],
          "bizStep": "shipping", "disposition": "in_transit",
          "bizLocation": { "id": "https://id.gs1.org/414/{{FarmGln}}" },
          "bizTransactionList": [
            { "type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:{{PackerGln}}:PO-778" },
            { "type": "bol", "bizTransaction": "urn:epcglobal:cbv:bt:{{FarmGln}}:BOL-12" }],
          "sourceList": [{ "type": "owning_party", "source": "https://id.gs1.org/417/{{FarmGln}}" }],
          "destinationList": [
            { "type": "owning_party", "destination": "https://id.gs1.org/417/{{PackerGln}}" },
            { "type": "location", "destination": "https://id.gs1.org/414/{{PackerGln}}" }] }
        """);

    public static RecordedEvent Receipt() => ByPacker($$"""
        { "type": "ObjectEvent", "eventTime": "2026-06-02T06:10:00-07:00", "eventTimeZoneOffset": "-07:00", "action": "OBSERVE",
          "quantityList": [{ "epcClass": "https://id.gs1.org/01/{{Lettuce}}/10/L-0601", "quantity": 1000, "uom": "KGM" }],
          "bizStep": "receiving", "disposition": "in_progress",
          "bizLocation": { "id": "https://id.gs1.org/414/{{PackerGln}}" },
          "bizTransactionList": [{ "type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:{{PackerGln}}:PO-778" }],
          "sourceList": [{ "type": "owning_party", "source": "https://id.gs1.org/417/{{FarmGln}}" }] }
        """);

    public static RecordedEvent Cutting() => ByPacker($$"""
        { "type": "TransformationEvent", "eventTime": "2026-06-02T11:00:00-07:00", "eventTimeZoneOffset": "-07:00",
          "inputQuantityList": [
            { "epcClass": "https://id.gs1.org/01/{{Lettuce}}/10/L-0601", "quantity": 600, "uom": "KGM" },
            { "epcClass": "https://id.gs1.org/01/{{Lettuce}}/10/L-0530", "quantity": 200, "uom": "KGM" }],
          "outputQuantityList": [
            { "epcClass": "https://id.gs1.org/01/{{Salad}}/10/S-0602A", "quantity": 1800 },
            { "epcClass": "https://id.gs1.org/01/{{Salad}}/10/S-0602B", "quantity": 700 }],
          "bizStep": "commissioning",
          "bizLocation": { "id": "https://id.gs1.org/414/{{PackerGln}}" },
          "bizTransactionList": [{ "type": "prodorder", "bizTransaction": "urn:epcglobal:cbv:bt:{{PackerGln}}:WO-5" }] }
        """);

    public static IReadOnlyList<RecordedEvent> Chain() => [Harvest(), Shipment(), Receipt(), Cutting()];
}
