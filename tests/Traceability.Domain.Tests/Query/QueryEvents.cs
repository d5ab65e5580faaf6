using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Query;

namespace Traceability.Domain.Tests.Query;

/// <summary>Sample events for the query tests, each a served event (as a reader would see it).</summary>
internal static class QueryEvents
{
    public static readonly DateTimeOffset Recorded = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public const string Ex = "https://ns.example.com/epcis/";

    public static ServedEvent Serve(string json, string id = "ni:///sha-256;1?ver=CBV2.0") => new(JsonNode.Parse(json)!.AsObject(), id, Recorded);

    /// <summary>A shipment of a lot with a quantity, an ILMD-free OBSERVE with extensions, a sensor reading and a declaration.</summary>
    public static ServedEvent Shipment => Serve($$$"""
        {
          "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ex": "{{{Ex}}}"}],
          "type": "ObjectEvent", "eventTime": "2026-11-20T10:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
          "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit",
          "epcList": ["urn:epc:id:sgtin:6901234.010003.1001"],
          "quantityList": [{"epcClass": "urn:epc:class:lgtin:6901234.010003.LSF-1", "quantity": 120, "uom": "KGM"}],
          "readPoint": {"id": "urn:epc:id:sgln:6901234.00001.0"},
          "bizLocation": {"id": "https://id.gs1.org/414/6901234000016", "ex:dock": "7"},
          "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:6901234000014:PO-778"}],
          "destinationList": [{"type": "owning_party", "destination": "https://id.gs1.org/417/6901234000023"}],
          "sensorElementList": [{
            "sensorMetadata": {"time": "2026-11-20T09:00:00Z", "deviceID": "urn:epc:id:giai:6901234.77", "ex:calibrated": true},
            "sensorReport": [{"type": "Temperature", "value": 3.5, "uom": "CEL", "percRank": 50}]
          }],
          "persistentDisposition": {"set": ["completeness_verified"]},
          "ex:temperature": 4.5,
          "ex:carrier": {"ex:name": "Cold Chain Co", "ex:licence": {"ex:number": "GX-1"}},
          "ex:dispatched": "2026-11-20T09:30:00Z",
          "errorDeclaration": {"declarationTime": "2026-11-21T00:00:00Z", "reason": "incorrect_data", "correctiveEventIDs": ["urn:uuid:1"], "ex:note": "typo"}
        }
        """, "ni:///sha-256;ship?ver=CBV2.0");

    public static ServedEvent Commissioning => Serve("""
        {
          "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"other": "https://ns.example.com/epcis/"}],
          "type": "ObjectEvent", "eventTime": "2026-11-12T08:00:00.000+08:00", "eventTimeZoneOffset": "+08:00",
          "action": "ADD", "bizStep": "commissioning",
          "quantityList": [{"epcClass": "https://id.gs1.org/01/06901234100037/10/LSF-20261112", "quantity": 2, "uom": "KGM"}],
          "ilmd": {"cbvmda:bestBeforeDate": "2027-05-12", "other:batchSize": 500, "other:plant": {"other:line": "L2"}},
          "other:temperature": 9
        }
        """, "ni:///sha-256;add?ver=CBV2.0");

    public static EpcisEventQuery Parse(params (string Name, string Value)[] parameters) =>
        EventQueryParser.Parse(parameters.Select(p => KeyValuePair.Create(p.Name, (IReadOnlyList<string>)p.Value.Split('|'))),
            new Dictionary<string, string> { ["ex"] = Ex });
}
