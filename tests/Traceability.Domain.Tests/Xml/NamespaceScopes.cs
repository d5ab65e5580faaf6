using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Xml;

/// <summary>Where XML declares namespaces decides which @context defines them; names keep their meaning.</summary>
public sealed class NamespaceScopes
{
    private static JsonObject Read(string xml)
    {
        var result = XmlSamples.Read(xml);
        Assert.True(result.IsValid, result.Validation.ToString());
        return result.Json!.AsObject();
    }

    private static JsonObject Event(JsonObject document, int index) => document["epcisBody"]!["eventList"]![index]!.AsObject();

    [Fact]
    public void NamespacesOfTheDocumentElementGoToTheDocumentContextAndThoseOfAnEventToItsOwn()
    {
        var document = Read(XmlSamples.Document(
            XmlSamples.ObjectEvent("<a:x>1</a:x><b:y>2</b:y>", attributes: "xmlns:b=\"urn:example:b:\""),
            "xmlns:a=\"urn:example:a:\""));

        Assert.Equal("""["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"a":"urn:example:a:"}]""", document["@context"]!.ToJsonString());
        Assert.Equal("""[{"b":"urn:example:b:"}]""", Event(document, 0)["@context"]!.ToJsonString());
    }

    [Fact]
    public void NamespacesDeclaredAroundTheEventsBelongToTheDocument()
    {
        var document = Read(XmlSamples.Document(XmlSamples.ObjectEvent("<a:x>1</a:x>"))
            .Replace("<EventList>", "<EventList xmlns:a=\"urn:example:a:\">"));

        Assert.Equal("""["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"a":"urn:example:a:"}]""", document["@context"]!.ToJsonString());
        Assert.False(Event(document, 0).ContainsKey("@context"));
    }

    [Fact]
    public void OnePrefixForTwoNamespacesInOneEventGetsAFreshPrefixForTheSecond()
    {
        var evt = Event(Read(XmlSamples.Document(XmlSamples.ObjectEvent("""
            <p:x xmlns:p="urn:example:one:">1</p:x>
            <p:x xmlns:p="urn:example:two:">2</p:x>
            """))), 0);

        Assert.Equal("1", evt["p:x"]!.GetValue<string>());
        Assert.Equal("2", evt["ns1:x"]!.GetValue<string>());
        Assert.Equal("""[{"p":"urn:example:one:","ns1":"urn:example:two:"}]""", evt["@context"]!.ToJsonString());
    }

    [Fact]
    public void TwoEventsMayUseOnePrefixForDifferentNamespaces()
    {
        var document = Read(XmlSamples.Document(
            XmlSamples.ObjectEvent("<p:x xmlns:p=\"urn:example:one:\">1</p:x>") + XmlSamples.ObjectEvent("<p:x xmlns:p=\"urn:example:two:\">2</p:x>")));

        Assert.Equal("""[{"p":"urn:example:one:"}]""", Event(document, 0)["@context"]!.ToJsonString());
        Assert.Equal("""[{"p":"urn:example:two:"}]""", Event(document, 1)["@context"]!.ToJsonString());
    }

    [Fact]
    public void TwoPrefixesForOneNamespaceAreOneName()
    {
        var evt = Event(Read(XmlSamples.Document(XmlSamples.ObjectEvent("""
            <p:x xmlns:p="urn:example:one:">1</p:x>
            <q:x xmlns:q="urn:example:one:">2</q:x>
            """))), 0);

        Assert.Equal("""["1","2"]""", evt["p:x"]!.ToJsonString());
    }

    [Fact]
    public void ADocumentPrefixIsNotRedefinedByAnEvent()
    {
        var document = Read(XmlSamples.Document(XmlSamples.ObjectEvent("<p:x xmlns:p=\"urn:example:two:\">2</p:x><o:y>1</o:y>"), "xmlns:p=\"urn:example:one:\" xmlns:o=\"urn:example:one:\""));

        var evt = Event(document, 0);
        Assert.Equal("2", evt["ns1:x"]!.GetValue<string>());
        Assert.Equal("1", evt["p:y"]!.GetValue<string>());
    }

    [Fact]
    public void ADefaultNamespaceOrAReservedPrefixGetsAGeneratedPrefix()
    {
        var evt = Event(Read(XmlSamples.Document(XmlSamples.ObjectEvent("""
            <x xmlns="urn:example:default:">1</x>
            <gs1:y xmlns:gs1="urn:example:not-gs1:">2</gs1:y>
            """))), 0);

        Assert.Equal("1", evt["ns1:x"]!.GetValue<string>());
        Assert.Equal("2", evt["ns2:y"]!.GetValue<string>());
    }

    [Fact]
    public void StandardNamespacesUseTheStandardPrefixesWithoutRedefiningThem()
    {
        var document = Read(XmlSamples.Document(XmlSamples.ObjectEvent("""
            <ilmd><m:lotNumber xmlns:m="urn:epcglobal:cbv:mda">L1</m:lotNumber><n:bestBeforeDate xmlns:n="urn:epcglobal:cbv:mda:">2026-12-31</n:bestBeforeDate></ilmd>
            <v:note xmlns:v="https://gs1.org/voc/">x</v:note>
            """, action: "ADD")));

        var evt = Event(document, 0);
        Assert.Equal("L1", evt["ilmd"]!["cbvmda:lotNumber"]!.GetValue<string>());
        Assert.Equal("2026-12-31", evt["ilmd"]!["cbvmda:bestBeforeDate"]!.GetValue<string>());
        Assert.Equal("x", evt["gs1:note"]!.GetValue<string>());
        Assert.False(evt.ContainsKey("@context"));
    }

    [Fact]
    public void ANamespaceDeclaredButOnlyUsedInAValueStillDefinesItsPrefix()
    {
        var document = Read(XmlSamples.Document(XmlSamples.ObjectEvent(
            "<sensorElementList><sensorElement><sensorReport type=\"ex:Crunchiness\" value=\"3\"/></sensorElement></sensorElementList>",
            attributes: "xmlns:ex=\"https://ns.example.com/ex/\"")));

        var preHash = XmlSamples.PreHashes(document)[0];
        Assert.Contains("type=https://ns.example.com/ex/Crunchiness", preHash);
    }

    [Fact]
    public void NamespacesOfFieldsAfterTheEventsJoinTheDocumentContextWithoutChangingEarlierEvents()
    {
        var xml = XmlSamples.Document(XmlSamples.ObjectEvent("<p:x xmlns:p=\"urn:example:one:\">1</p:x>"))
            .Replace("</EPCISBody>", "</EPCISBody><p:trailer xmlns:p=\"urn:example:two:\">t</p:trailer>");

        var document = Read(xml);

        Assert.Equal("t", document["ns1:trailer"]!.GetValue<string>());
        Assert.Equal("1", Event(document, 0)["p:x"]!.GetValue<string>());
    }
}
