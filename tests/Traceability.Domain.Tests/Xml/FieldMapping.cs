using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Xml;

/// <summary>Every standard field of the XML binding and the JSON it becomes.</summary>
public sealed class FieldMapping
{
    private static JsonObject Only(string xml, string declarations = "")
    {
        var result = XmlSamples.Read(XmlSamples.Document(xml, declarations));
        Assert.True(result.IsValid, result.Validation.ToString());
        return result.Json!["epcisBody"]!["eventList"]![0]!.AsObject();
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

    [Fact]
    public void AnObjectEventWithEveryFieldBecomesItsJsonForm()
    {
        var evt = Only("""
            <ObjectEvent>
              <eventTime>2026-07-22T06:45:00.000+02:00</eventTime>
              <recordTime>2026-07-22T07:00:00Z</recordTime>
              <eventTimeZoneOffset>+02:00</eventTimeZoneOffset>
              <eventID>urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8</eventID>
              <errorDeclaration>
                <declarationTime>2026-07-23T08:00:00Z</declarationTime>
                <reason>urn:epcglobal:cbv:er:did_not_occur</reason>
                <correctiveEventIDs><correctiveEventID>urn:uuid:1</correctiveEventID><correctiveEventID>urn:uuid:2</correctiveEventID></correctiveEventIDs>
              </errorDeclaration>
              <certificationInfo>https://cert.example.com/a</certificationInfo>
              <certificationInfo>https://cert.example.com/b</certificationInfo>
              <epcList><epc>urn:epc:id:sgtin:9521141.001234.1</epc><epc>https://id.gs1.org/01/09521141012345/21/2</epc></epcList>
              <action>ADD</action>
              <bizStep>https://ref.gs1.org/cbv/BizStep-commissioning</bizStep>
              <disposition>urn:epcglobal:cbv:disp:active</disposition>
              <readPoint><id>urn:epc:id:sgln:9521141.00001.0</id></readPoint>
              <bizLocation><id>urn:epc:id:sgln:9521141.00001.0</id></bizLocation>
              <bizTransactionList>
                <bizTransaction type="urn:epcglobal:cbv:btt:po">urn:epcglobal:cbv:bt:9521141000009:PO1</bizTransaction>
                <bizTransaction>https://example.com/orders/7</bizTransaction>
              </bizTransactionList>
              <quantityList>
                <quantityElement><epcClass>urn:epc:class:lgtin:9521141.001234.L1</epcClass><quantity>+012.50</quantity><uom>KGM</uom></quantityElement>
                <quantityElement><epcClass>urn:epc:class:lgtin:9521141.001234.L2</epcClass><quantity xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></quantityElement>
                <quantityElement><epcClass>urn:epc:class:lgtin:9521141.001234.L3</epcClass></quantityElement>
              </quantityList>
              <sourceList><source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:pgln:9521141.00000</source></sourceList>
              <destinationList><destination type="https://ref.gs1.org/cbv/SDT-location">urn:epc:id:sgln:9521141.00002.0</destination></destinationList>
              <sensorElementList>
                <sensorElement>
                  <sensorMetadata time="2026-07-22T06:40:00Z" deviceID="urn:epc:id:giai:4000001.111" bizRules="https://example.com/rules"/>
                  <sensorReport type="gs1:Temperature" value="4.50" uom="CEL" component="cbv:Comp-x" booleanValue="1" minValue="1E1" time="2026-07-22T06:40:00Z"/>
                  <sensorReport exception="https://gs1.org/voc/ALARM_CONDITION" stringValue=" as written "/>
                </sensorElement>
              </sensorElementList>
              <persistentDisposition><unset>urn:epcglobal:cbv:disp:completeness_inferred</unset><set>completeness_verified</set></persistentDisposition>
              <ilmd><cbvmda:lotNumber xmlns:cbvmda="urn:epcglobal:cbv:mda">L1</cbvmda:lotNumber></ilmd>
            </ObjectEvent>
            """);

        AssertJson("""
            {
              "type": "ObjectEvent",
              "eventTime": "2026-07-22T06:45:00.000+02:00",
              "recordTime": "2026-07-22T07:00:00Z",
              "eventTimeZoneOffset": "+02:00",
              "eventID": "urn:uuid:6ba7b810-9dad-11d1-80b4-00c04fd430c8",
              "errorDeclaration": { "declarationTime": "2026-07-23T08:00:00Z", "reason": "did_not_occur", "correctiveEventIDs": ["urn:uuid:1", "urn:uuid:2"] },
              "certificationInfo": ["https://cert.example.com/a", "https://cert.example.com/b"],
              "epcList": ["urn:epc:id:sgtin:9521141.001234.1", "https://id.gs1.org/01/09521141012345/21/2"],
              "action": "ADD",
              "bizStep": "commissioning",
              "disposition": "active",
              "readPoint": { "id": "urn:epc:id:sgln:9521141.00001.0" },
              "bizLocation": { "id": "urn:epc:id:sgln:9521141.00001.0" },
              "bizTransactionList": [
                { "type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:9521141000009:PO1" },
                { "bizTransaction": "https://example.com/orders/7" }
              ],
              "quantityList": [
                { "epcClass": "urn:epc:class:lgtin:9521141.001234.L1", "quantity": 12.50, "uom": "KGM" },
                { "epcClass": "urn:epc:class:lgtin:9521141.001234.L2" },
                { "epcClass": "urn:epc:class:lgtin:9521141.001234.L3" }
              ],
              "sourceList": [{ "type": "owning_party", "source": "urn:epc:id:pgln:9521141.00000" }],
              "destinationList": [{ "type": "location", "destination": "urn:epc:id:sgln:9521141.00002.0" }],
              "sensorElementList": [{
                "sensorMetadata": { "time": "2026-07-22T06:40:00Z", "deviceID": "urn:epc:id:giai:4000001.111", "bizRules": "https://example.com/rules" },
                "sensorReport": [
                  { "type": "Temperature", "value": 4.50, "uom": "CEL", "component": "x", "booleanValue": true, "minValue": 10, "time": "2026-07-22T06:40:00Z" },
                  { "exception": "ALARM_CONDITION", "stringValue": " as written " }
                ]
              }],
              "persistentDisposition": { "unset": ["completeness_inferred"], "set": ["completeness_verified"] },
              "ilmd": { "cbvmda:lotNumber": "L1" }
            }
            """, evt);
    }

    [Fact]
    public void EachEventTypeKeepsItsOwnFields()
    {
        var aggregation = Only("""
            <AggregationEvent><eventTime>2026-07-22T06:45:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
              <parentID>urn:epc:id:sscc:9521141.0000000001</parentID>
              <childEPCs><epc>urn:epc:id:sgtin:9521141.001234.1</epc></childEPCs><action>ADD</action>
              <childQuantityList><quantityElement><epcClass>urn:epc:class:lgtin:9521141.001234.L1</epcClass><quantity>3</quantity></quantityElement></childQuantityList>
            </AggregationEvent>
            """);
        var transformation = Only("""
            <TransformationEvent><eventTime>2026-07-22T06:45:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
              <inputEPCList><epc>urn:epc:id:sgtin:9521141.001234.1</epc></inputEPCList>
              <inputQuantityList><quantityElement><epcClass>urn:epc:class:lgtin:9521141.001234.L1</epcClass><quantity>3</quantity></quantityElement></inputQuantityList>
              <outputEPCList><epc>urn:epc:id:sgtin:9521141.001234.2</epc></outputEPCList>
              <outputQuantityList><quantityElement><epcClass>urn:epc:class:lgtin:9521141.001234.L2</epcClass><quantity>1</quantity></quantityElement></outputQuantityList>
              <transformationID>urn:uuid:7</transformationID>
            </TransformationEvent>
            """);

        Assert.Equal(["type", "eventTime", "eventTimeZoneOffset", "parentID", "childEPCs", "action", "childQuantityList"], aggregation.Select(p => p.Key));
        Assert.Equal(["type", "eventTime", "eventTimeZoneOffset", "inputEPCList", "inputQuantityList", "outputEPCList", "outputQuantityList", "transformationID"],
            transformation.Select(p => p.Key));
    }

    [Fact]
    public void UserExtensionsBecomePrefixedKeysWithArraysObjectsAttributesAndTypedValues()
    {
        var evt = Only(XmlSamples.ObjectEvent("""
            <ex:plain>  text  </ex:plain>
            <ex:repeated>1</ex:repeated><ex:other>x</ex:other><ex:repeated>2</ex:repeated>
            <ex:weight unitCode="KGM" ex:scale="2">3.5</ex:weight>
            <ex:box><inner>1</inner><ex:deep><deeper>y</deeper></ex:deep></ex:box>
            <ex:typed xsi:type="xsd:decimal">7.10</ex:typed>
            <ex:flag xsi:type="xsd:boolean">0</ex:flag>
            <ex:when xsi:type="xsd:dateTime">2026-07-22T06:45:00Z</ex:when>
            <ex:infinite xsi:type="xsd:double">INF</ex:infinite>
            <ex:nothing xsi:nil="true"/>
            <ex:empty/>
            """, attributes: "ex:onEvent=\"attribute value\""),
            "xmlns:ex=\"https://ns.example.com/ex/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"");

        AssertJson("""
            {
              "ex:onEvent": "attribute value",
              "ex:plain": "text",
              "ex:repeated": ["1", "2"],
              "ex:other": "x",
              "ex:weight": { "unitCode": "KGM", "ex:scale": "2", "@value": "3.5" },
              "ex:box": { "inner": "1", "ex:deep": { "deeper": "y" } },
              "ex:typed": 7.10,
              "ex:flag": false,
              "ex:when": "2026-07-22T06:45:00Z",
              "ex:infinite": "INF",
              "ex:nothing": null,
              "ex:empty": ""
            }
            """, new JsonObject(evt.Where(p => p.Key.StartsWith("ex:", StringComparison.Ordinal)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))));
    }

    [Fact]
    public void MixedContentKeepsItsTextAsValue()
    {
        var evt = Only(XmlSamples.ObjectEvent("<ex:note>see <ex:ref>doc 7</ex:ref></ex:note>"), "xmlns:ex=\"urn:example:\"");

        AssertJson("""{ "ex:ref": "doc 7", "@value": "see" }""", evt["ex:note"]);
    }

    [Fact]
    public void EpcisElementsMayBeQualifiedWithTheEpcisNamespace()
    {
        var evt = Only("""
            <epcis:ObjectEvent><epcis:eventTime>2026-07-22T06:45:00Z</epcis:eventTime><epcis:eventTimeZoneOffset>+00:00</epcis:eventTimeZoneOffset>
              <epcis:epcList><epcis:epc>urn:epc:id:sgtin:9521141.001234.1</epcis:epc></epcis:epcList><epcis:action>OBSERVE</epcis:action>
            </epcis:ObjectEvent>
            """);

        Assert.Equal("OBSERVE", evt["action"]!.GetValue<string>());
    }

    [Fact]
    public void CustomVocabularyUrisAreKeptAsWritten()
    {
        var evt = Only(XmlSamples.ObjectEvent("<bizStep>https://example.com/steps/noodling</bizStep><disposition>urn:example:disp:boiled</disposition>"));

        Assert.Equal("https://example.com/steps/noodling", evt["bizStep"]!.GetValue<string>());
        Assert.Equal("urn:example:disp:boiled", evt["disposition"]!.GetValue<string>());
    }
}
