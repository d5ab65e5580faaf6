using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Traceability.Domain.Epcis.Xml;

namespace Traceability.Domain.Tests.Xml;

/// <summary>What the writer produces: the EPCIS 2.0 XML binding, and a clear refusal for what it cannot carry.</summary>
public sealed class XmlWriting
{
    private static readonly XNamespace Epcis = "urn:epcglobal:epcis:xsd:2";
    private static readonly XNamespace Query = "urn:epcglobal:epcis-query:xsd:2";

    private static JsonObject Event(string extra = "") => (JsonObject)JsonNode.Parse($$"""
        {
          "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ex": "https://ns.example.com/ex/"}],
          "type": "ObjectEvent", "eventTime": "2026-07-22T06:45:00.000+02:00", "eventTimeZoneOffset": "+02:00",
          "epcList": ["urn:epc:id:sgtin:9521141.001234.1"], "action": "OBSERVE", "bizStep": "shipping",
          "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epcglobal:cbv:bt:9521141000009:PO1"}]{{extra}}
        }
        """)!;

    private static XDocument Write(JsonObject evt)
    {
        var output = new MemoryStream();
        EpcisXmlWriter.WriteEvent(evt, output);
        return XDocument.Parse(Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void AnEventIsWrittenInTheEpcisNamespaceWithCbvUrnsAndItsPrefixesDeclared()
    {
        var xml = Write(Event(""", "ex:note": "n" """)).Root!;

        Assert.Equal(Epcis + "ObjectEvent", xml.Name);
        Assert.Equal("urn:epcglobal:cbv:bizstep:shipping", xml.Element("bizStep")!.Value);
        Assert.Equal("urn:epcglobal:cbv:btt:po", xml.Element("bizTransactionList")!.Element("bizTransaction")!.Attribute("type")!.Value);
        Assert.Equal("n", xml.Element(XNamespace.Get("https://ns.example.com/ex/") + "note")!.Value);
        Assert.Equal(["eventTime", "eventTimeZoneOffset", "epcList", "action", "bizStep", "bizTransactionList", "note"], xml.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void NumbersAndBooleansCarryTheirSchemaType()
    {
        var xml = Write(Event(""", "ex:n": 1.50, "ex:b": true, "ex:s": "1.50" """)).Root!;
        XNamespace ex = "https://ns.example.com/ex/", xsi = "http://www.w3.org/2001/XMLSchema-instance";

        Assert.Equal("xsd:decimal", xml.Element(ex + "n")!.Attribute(xsi + "type")!.Value);
        Assert.Equal("xsd:boolean", xml.Element(ex + "b")!.Attribute(xsi + "type")!.Value);
        Assert.Null(xml.Element(ex + "s")!.Attribute(xsi + "type"));
    }

    [Fact]
    public async Task AQueryDocumentHoldsQueryResultsWithTheEventsAndIsWrittenAsItGoes()
    {
        var output = new MemoryStream();
        var lengthsSeen = new List<long>();
        IEnumerable<JsonObject> Events()
        {
            for (var i = 0; i < 300; i++)
            {
                lengthsSeen.Add(output.Length);
                yield return Event();
            }
        }

        await EpcisXmlWriter.WriteQueryDocumentAsync(Events(), output, "SimpleEventQuery", DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken);

        var root = XDocument.Parse(Encoding.UTF8.GetString(output.ToArray())).Root!;
        Assert.Equal(Query + "EPCISQueryDocument", root.Name);
        Assert.Equal("1970-01-01T00:00:00.000Z", root.Attribute("creationDate")!.Value);
        var results = root.Element("EPCISBody")!.Element(Query + "QueryResults")!;
        Assert.Equal("SimpleEventQuery", results.Element("queryName")!.Value);
        Assert.Equal(300, results.Element("resultsBody")!.Element("EventList")!.Elements("ObjectEvent").Count());
        // Written on in chunks while events are still being asked for, never all at the end.
        Assert.Equal(0, lengthsSeen[0]);
        Assert.InRange(lengthsSeen[^1], 1, output.Length - 1);
        Assert.True(lengthsSeen.Distinct().Count() > 3);
    }

    [Theory]
    [InlineData(""", "ex:a": {"undeclared:b": 1}""", "$.ex:a.undeclared:b", "prefix is not defined")]
    [InlineData(""", "ex:a": {"@id": "urn:x"}""", "$.ex:a.@id", "keywords")]
    [InlineData(""", "ex:a": "bell\u0007" """, "$.ex:a", "U+0007")]
    [InlineData(""", "sensorElementList": [{"sensorReport": [{"type": "Temperature", "ex:nested": {"a": 1}}]}]""",
        "$.sensorElementList[0].sensorReport[0].ex:nested", "attribute")]
    public void WhatTheBindingCannotCarryIsRefusedWithItsPath(string extra, string path, string reason)
    {
        var evt = Event(extra);

        var refusal = Assert.Throws<EpcisXmlWriteException>(() => Write(evt));

        Assert.Equal(path, refusal.Path);
        Assert.Contains(reason, refusal.Reason);
        Assert.Contains(reason, EpcisXmlWriter.Unwritable(evt));
    }

    [Fact]
    public void AWritableEventHasNoReasonAgainstIt() => Assert.Null(EpcisXmlWriter.Unwritable(Event()));
}
