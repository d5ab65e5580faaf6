using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Validation;

/// <summary>Minimal valid events of each type, to mutate one field at a time in targeted tests.</summary>
internal static class EventSamples
{
    /// <summary>Where the single event of <see cref="InDocument"/> sits.</summary>
    public const string At = "$.epcisBody.eventList[0]";

    public const string EpcisContext = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    public static JsonObject ObjectEvent() => Parse("""
        {
          "type": "ObjectEvent",
          "eventTime": "2026-07-22T06:45:00.000+02:00",
          "eventTimeZoneOffset": "+02:00",
          "action": "OBSERVE",
          "epcList": ["https://id.gs1.org/01/09521141012345/21/2017"],
          "bizStep": "shipping",
          "disposition": "in_transit",
          "readPoint": { "id": "https://id.gs1.org/414/9521141000007" },
          "bizLocation": { "id": "urn:epc:id:sgln:9521141.00000.0" }
        }
        """);

    public static JsonObject AggregationEvent() => Parse("""
        {
          "type": "AggregationEvent",
          "eventTime": "2026-07-22T06:45:00Z",
          "eventTimeZoneOffset": "+00:00",
          "action": "ADD",
          "parentID": "https://id.gs1.org/00/009521141000000018",
          "childEPCs": ["https://id.gs1.org/01/09521141012345/21/1", "https://id.gs1.org/01/09521141012345/21/2"],
          "bizStep": "packing"
        }
        """);

    public static JsonObject AssociationEvent() => Parse("""
        {
          "type": "AssociationEvent",
          "eventTime": "2026-07-22T06:45:00Z",
          "eventTimeZoneOffset": "+00:00",
          "action": "ADD",
          "parentID": "urn:epc:id:grai:4012345.55555.987",
          "childEPCs": ["urn:epc:id:giai:4000001.12345"],
          "bizStep": "assembling"
        }
        """);

    public static JsonObject TransactionEvent() => Parse("""
        {
          "type": "TransactionEvent",
          "eventTime": "2026-07-22T06:45:00Z",
          "eventTimeZoneOffset": "+00:00",
          "action": "ADD",
          "bizTransactionList": [{ "type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:9521141000007:PO-1" }],
          "quantityList": [{ "epcClass": "https://id.gs1.org/01/09521141012345/10/LOT-1", "quantity": 20, "uom": "KGM" }]
        }
        """);

    public static JsonObject TransformationEvent() => Parse("""
        {
          "type": "TransformationEvent",
          "eventTime": "2026-07-22T06:45:00Z",
          "eventTimeZoneOffset": "+00:00",
          "inputQuantityList": [{ "epcClass": "https://id.gs1.org/01/09521141012345/10/RAW-1", "quantity": 100.5, "uom": "KGM" }],
          "outputEPCList": ["https://id.gs1.org/01/09521141012345/21/OUT-1"],
          "bizStep": "commissioning"
        }
        """);

    /// <summary>An EPCISDocument holding the events, declaring the prefix "ex" for extensions.</summary>
    public static JsonObject InDocument(params JsonObject[] events) => new()
    {
        ["@context"] = new JsonArray(EpcisContext, new JsonObject { ["ex"] = "https://example.com/ns/" }),
        ["type"] = "EPCISDocument",
        ["schemaVersion"] = "2.0",
        ["creationDate"] = "2026-07-22T10:30:00Z",
        ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray([.. events]) },
    };

    public static ValidationResult ValidateInDocument(JsonObject evt) => EpcisValidator.ValidateDocument(InDocument(evt));

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
