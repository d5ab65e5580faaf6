using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Xml;

/// <summary>EPCIS 1.2 documents: their extension wrappers looked through, their events read as EPCIS 2.0 events.</summary>
public sealed class Version12Mapping
{
    private static string Document12(string events, string header = "") =>
        $"""
        <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" schemaVersion="1.2" creationDate="2016-09-01T10:00:00Z">
          {header}<EPCISBody><EventList>{events}</EventList></EPCISBody>
        </epcis:EPCISDocument>
        """;

    private static JsonObject Read(string xml)
    {
        var result = XmlSamples.Read(xml);
        Assert.True(result.IsValid, result.Validation.ToString());
        return result.Json!.AsObject();
    }

    [Fact]
    public void BaseExtensionAndExtensionFieldsBecomeFieldsOfTheEvent()
    {
        var document = Read(Document12("""
            <ObjectEvent>
              <eventTime>2016-09-01T09:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
              <baseExtension>
                <eventID>urn:uuid:5</eventID>
                <errorDeclaration><declarationTime>2016-09-02T09:00:00Z</declarationTime><reason>urn:epcglobal:cbv:er:incorrect_data</reason></errorDeclaration>
              </baseExtension>
              <epcList><epc>urn:epc:id:sgtin:9521141.001234.1</epc></epcList>
              <action>ADD</action>
              <readPoint><id>urn:epc:id:sgln:9521141.00001.0</id><extension><ex:door xmlns:ex="urn:ex:">3</ex:door></extension></readPoint>
              <extension>
                <quantityList><quantityElement><epcClass>urn:epc:class:lgtin:9521141.001234.L1</epcClass><quantity>2</quantity></quantityElement></quantityList>
                <sourceList><source type="urn:epcglobal:cbv:sdt:owning_party">urn:epc:id:pgln:9521141.00000</source></sourceList>
                <ilmd><cbvmda:lotNumber xmlns:cbvmda="urn:epcglobal:cbv:mda">L1</cbvmda:lotNumber></ilmd>
                <extension>
                  <sensorElementList><sensorElement><sensorReport type="gs1:Temperature" value="3"/></sensorElement></sensorElementList>
                  <persistentDisposition><set>urn:epcglobal:cbv:disp:completeness_verified</set></persistentDisposition>
                </extension>
              </extension>
            </ObjectEvent>
            """));

        Assert.Equal("2.0", document["schemaVersion"]!.GetValue<string>());
        var evt = document["epcisBody"]!["eventList"]![0]!.AsObject();
        Assert.Equal(
            ["type", "eventTime", "eventTimeZoneOffset", "eventID", "errorDeclaration", "epcList", "action", "readPoint", "quantityList", "sourceList",
                "ilmd", "sensorElementList", "persistentDisposition", "@context"],
            evt.Select(p => p.Key));
        Assert.Equal("3", evt["readPoint"]!["ex:door"]!.GetValue<string>());
        Assert.Equal("incorrect_data", evt["errorDeclaration"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public void TransformationAndAssociationEventsInEventListExtensionsAreEventsInOrder()
    {
        var document = Read(Document12("""
            <ObjectEvent><eventTime>2016-09-01T09:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
              <epcList><epc>urn:epc:id:sgtin:9521141.001234.1</epc></epcList><action>OBSERVE</action></ObjectEvent>
            <extension>
              <TransformationEvent><eventTime>2016-09-01T09:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                <inputEPCList><epc>urn:epc:id:sgtin:9521141.001234.1</epc></inputEPCList><outputEPCList><epc>urn:epc:id:sgtin:9521141.001234.2</epc></outputEPCList>
              </TransformationEvent>
              <extension>
                <AssociationEvent><eventTime>2016-09-01T09:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                  <parentID>urn:epc:id:grai:4012345.55555.987</parentID><action>DELETE</action></AssociationEvent>
              </extension>
            </extension>
            """));

        Assert.Equal(["ObjectEvent", "TransformationEvent", "AssociationEvent"],
            document["epcisBody"]!["eventList"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
    }

    [Fact]
    public void HeaderMasterDataAndStandardBusinessDocumentHeaderAreKept()
    {
        var document = Read(Document12(XmlSamples.ObjectEvent(), """
            <EPCISHeader>
              <sbdh:StandardBusinessDocumentHeader xmlns:sbdh="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">
                <sbdh:HeaderVersion>1.0</sbdh:HeaderVersion>
                <sbdh:Sender><sbdh:Identifier Authority="GS1">urn:epc:id:sgln:9521141.00001.0</sbdh:Identifier></sbdh:Sender>
                <sbdh:Receiver><sbdh:Identifier Authority="GS1">urn:epc:id:sgln:9521141.00002.0</sbdh:Identifier></sbdh:Receiver>
                <sbdh:DocumentIdentification><sbdh:Standard>EPCglobal</sbdh:Standard><sbdh:InstanceIdentifier>42</sbdh:InstanceIdentifier></sbdh:DocumentIdentification>
              </sbdh:StandardBusinessDocumentHeader>
              <extension><EPCISMasterData><VocabularyList>
                <Vocabulary type="urn:epcglobal:epcis:vtype:BusinessLocation"><VocabularyElementList>
                  <VocabularyElement id="urn:epc:id:sgln:9521141.00001.0">
                    <attribute id="urn:epcglobal:cbv:mda#name">柳州螺蛳粉厂</attribute>
                    <children><id>urn:epc:id:sgln:9521141.00001.1</id></children>
                  </VocabularyElement>
                </VocabularyElementList></Vocabulary>
              </VocabularyList></EPCISMasterData></extension>
            </EPCISHeader>
            """));

        Assert.Equal("urn:epc:id:sgln:9521141.00001.0", document["sender"]!.GetValue<string>());
        Assert.Equal("urn:epc:id:sgln:9521141.00002.0", document["receiver"]!.GetValue<string>());
        Assert.Equal("42", document["instanceIdentifier"]!.GetValue<string>());
        var element = document["epcisHeader"]!["epcisMasterData"]!["vocabularyList"]![0]!["vocabularyElementList"]![0]!;
        Assert.Equal("柳州螺蛳粉厂", element["attributes"]![0]!["attribute"]!.GetValue<string>());
        Assert.Equal("urn:epc:id:sgln:9521141.00001.1", element["children"]![0]!.GetValue<string>());
    }

    [Fact]
    public void SensorElementsAndPersistentDispositionAreReadWhereverA12DocumentPutsThem()
    {
        var direct = Read(Document12(XmlSamples.ObjectEvent("<persistentDisposition><set>completeness_verified</set></persistentDisposition>")));
        var nested = Read(Document12(XmlSamples.ObjectEvent("<extension><extension><persistentDisposition><set>completeness_verified</set></persistentDisposition></extension></extension>")));

        Assert.True(JsonNode.DeepEquals(direct, nested));
    }

    [Fact]
    public void AVersion12DocumentHashesLikeTheSameEventsWrittenIn20()
    {
        var version12 = Read(Document12("""
            <ObjectEvent><eventTime>2016-09-01T09:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
              <baseExtension><eventID>urn:uuid:5</eventID></baseExtension>
              <epcList><epc>urn:epc:id:sgtin:9521141.001234.1</epc></epcList><action>OBSERVE</action>
              <extension><quantityList><quantityElement><epcClass>urn:epc:class:lgtin:9521141.001234.L1</epcClass><quantity>2</quantity></quantityElement></quantityList></extension>
            </ObjectEvent>
            """));
        var version20 = XmlSamples.Read(XmlSamples.Document("""
            <ObjectEvent><eventTime>2016-09-01T09:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset><eventID>urn:uuid:5</eventID>
              <epcList><epc>urn:epc:id:sgtin:9521141.001234.1</epc></epcList><action>OBSERVE</action>
              <quantityList><quantityElement><epcClass>urn:epc:class:lgtin:9521141.001234.L1</epcClass><quantity>2</quantity></quantityElement></quantityList>
            </ObjectEvent>
            """)).Json!;

        Assert.Equal(XmlSamples.Hashes(version20), XmlSamples.Hashes(version12));
    }

    [Fact]
    public void AnEpcis1NamespaceWithA2VersionIsRefused()
    {
        var result = XmlSamples.Read(Document12(XmlSamples.ObjectEvent()).Replace("schemaVersion=\"1.2\"", "schemaVersion=\"2.0\""));

        Assert.Equal("/EPCISDocument/@schemaVersion", Assert.Single(result.Validation.Errors, e => e.Path.EndsWith("@schemaVersion", StringComparison.Ordinal)).Path);
    }
}
