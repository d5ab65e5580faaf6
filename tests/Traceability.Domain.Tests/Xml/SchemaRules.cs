using Traceability.Domain.Epcis.Xml;

namespace Traceability.Domain.Tests.Xml;

/// <summary>The XML schema's rules, each broken once: the error names the element or attribute by its XPath.</summary>
public sealed class SchemaRules
{
    private const string Event1 = "/EPCISDocument/EPCISBody/EventList/ObjectEvent[1]";

    public static TheoryData<string, string, string> BrokenEvents() => new()
    {
        // An unknown element, unqualified or in the EPCIS namespace, is not an extension.
        { XmlSamples.ObjectEvent("<colour>red</colour>"), Event1 + "/colour[1]", "is not an element of ObjectEvent" },
        { XmlSamples.ObjectEvent("<epcis:colour>red</epcis:colour>"), Event1 + "/colour[1]", "is not an element of ObjectEvent" },
        { XmlSamples.ObjectEvent("<action>ADD</action>"), Event1 + "/action", "appears more than once" },
        { XmlSamples.ObjectEvent("<childEPCs/>"), Event1 + "/childEPCs", "is not a field of ObjectEvent" },
        { XmlSamples.ObjectEvent(action: "CREATE"), Event1 + "/action", "must be ADD, OBSERVE or DELETE" },
        { XmlSamples.ObjectEvent(action: ""), Event1 + "/action", "must be ADD, OBSERVE or DELETE" },
        { XmlSamples.ObjectEvent("<bizStep>urn:epcglobal:cbv:bizstep:flying</bizStep>"), Event1 + "/bizStep", "is not a term" },
        { XmlSamples.ObjectEvent("<bizStep>flying</bizStep>"), Event1 + "/bizStep", "neither a CBV 2.0 business step" },
        { XmlSamples.ObjectEvent("<recordTime>2026-07-22T06:45</recordTime>"), Event1 + "/recordTime", "xsd:dateTime" },
        { XmlSamples.ObjectEvent("<recordTime>2026-07-22T06:45:00</recordTime>"), Event1 + "/recordTime", "time zone" },
        { XmlSamples.ObjectEvent("<quantityList><quantityElement><epcClass>urn:epc:class:lgtin:9521141.001234.L1</epcClass><quantity>12,5</quantity></quantityElement></quantityList>"),
            Event1 + "/quantityList/quantityElement[1]/quantity", "xsd:decimal" },
        { XmlSamples.ObjectEvent("<quantityList><quantityElement><quantity>1</quantity></quantityElement></quantityList>"),
            Event1 + "/quantityList/quantityElement[1]/epcClass", "needs its epcClass" },
        { XmlSamples.ObjectEvent("<sourceList><source>urn:epc:id:pgln:9521141.00000</source></sourceList>"), Event1 + "/sourceList/source[1]/@type", "needs a type" },
        { XmlSamples.ObjectEvent("<bizTransactionList><bizTransaction type=\"po\" kind=\"x\">urn:x:1</bizTransaction></bizTransactionList>"),
            Event1 + "/bizTransactionList/bizTransaction[1]/@kind", "only a type attribute" },
        { XmlSamples.ObjectEvent("<sensorElementList><sensorElement><sensorReport type=\"Temperature\" value=\"warm\"/></sensorElement></sensorElementList>"),
            Event1 + "/sensorElementList/sensorElement[1]/sensorReport[1]/@value", "xsd:double" },
        { XmlSamples.ObjectEvent("<sensorElementList><sensorElement><sensorReport type=\"Temperature\" colour=\"red\"/></sensorElement></sensorElementList>"),
            Event1 + "/sensorElementList/sensorElement[1]/sensorReport[1]/@colour", "not an attribute" },
        { XmlSamples.ObjectEvent("<sensorElementList><sensorElement><sensorMetadata time=\"yesterday\"/><sensorReport type=\"Temperature\"/></sensorElement></sensorElementList>"),
            Event1 + "/sensorElementList/sensorElement[1]/sensorMetadata/@time", "xsd:dateTime" },
        { XmlSamples.ObjectEvent("<sensorElementList><sensorElement/></sensorElementList>"),
            Event1 + "/sensorElementList/sensorElement[1]/sensorReport", "needs a sensorReport" },
        { XmlSamples.ObjectEvent("<readPoint><id>urn:epc:id:sgln:9521141.00001.0</id><door>3</door></readPoint>"), Event1 + "/readPoint/door[1]", "not an element of <readPoint>" },
        { XmlSamples.ObjectEvent("<readPoint/>"), Event1 + "/readPoint/id", "needs an id" },
        { XmlSamples.ObjectEvent("<ilmd><lot>1</lot></ilmd>", action: "ADD"), Event1 + "/ilmd/lot[1]", "need a namespace" },
        { XmlSamples.ObjectEvent("<ilmd><ex:lot xmlns:ex=\"urn:ex:\">1</ex:lot></ilmd>"), Event1 + "/ilmd", "only allowed when action is ADD" },
        { XmlSamples.ObjectEvent("<errorDeclaration><reason>incorrect_data</reason></errorDeclaration>"), Event1 + "/errorDeclaration/declarationTime", "needs its declarationTime" },
        { XmlSamples.ObjectEvent("<epcList>stray text<epc>urn:epc:id:sgtin:9521141.001234.1</epc></epcList>").Replace("<epcList><epc>urn:epc:id:sgtin:9521141.001234.2017</epc></epcList>", ""),
            Event1 + "/epcList", "holds text where only elements are allowed" },
        { XmlSamples.ObjectEvent("<eventID>urn:uuid:1<b>2</b></eventID>"), Event1 + "/eventID/b", "holds a value" },
        { XmlSamples.ObjectEvent(attributes: "colour=\"red\""), Event1 + "/@colour", "not an attribute of ObjectEvent" },
        { XmlSamples.ObjectEvent("<epcList><epc>urn:epc:id:sgtin:9521141.001234.1</epc></epcList>"), Event1 + "/epcList", "appears more than once" },
        { XmlSamples.ObjectEvent("<ex:x xmlns:ex=\"urn:ex:\" xsi:type=\"xsd:integer\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">ten</ex:x>"),
            Event1 + "/ex:x[1]", "is not an xsd:integer" },
        { "<QuantityEvent/>", "/EPCISDocument/EPCISBody/EventList/QuantityEvent[1]", "send an ObjectEvent with a quantityList" },
        { "<ex:Event xmlns:ex=\"urn:ex:\"/>", "/EPCISDocument/EPCISBody/EventList/ex:Event[1]", "is not an EPCIS event" },
        { "<ObjectEvent><eventTimeZoneOffset>+02:00</eventTimeZoneOffset><action>ADD</action><epcList><epc>urn:epc:id:sgtin:9521141.001234.1</epc></epcList></ObjectEvent>",
            Event1 + "/eventTime", "needs its eventTime" },
    };

    [Theory]
    [MemberData(nameof(BrokenEvents))]
    public void EachBrokenRuleIsReportedAtItsPath(string events, string path, string message)
    {
        var result = XmlSamples.Read(XmlSamples.Document(events));

        Assert.False(result.IsValid);
        Assert.Contains(result.Validation.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> BrokenDocuments() => new()
    {
        { "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" creationDate=\"2026-07-22T10:30:00Z\"><EPCISBody/></epcis:EPCISDocument>",
            "/EPCISDocument/@schemaVersion", "needs its schemaVersion" },
        { "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"1.2\" creationDate=\"2026-07-22T10:30:00Z\"><EPCISBody/></epcis:EPCISDocument>",
            "/EPCISDocument/@schemaVersion", "is not a schema version" },
        { "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\"><EPCISBody/></epcis:EPCISDocument>",
            "/EPCISDocument/@creationDate", "needs its creationDate" },
        { "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\" creationDate=\"today\"><EPCISBody/></epcis:EPCISDocument>",
            "/EPCISDocument/@creationDate", "xsd:dateTime" },
        { "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\" creationDate=\"2026-07-22T10:30:00Z\"/>",
            "/EPCISDocument/EPCISBody", "needs an epcisBody" },
        { "<EPCISDocument schemaVersion=\"2.0\" creationDate=\"2026-07-22T10:30:00Z\"><EPCISBody/></EPCISDocument>",
            "/EPCISDocument", "must be in the namespace urn:epcglobal:epcis:xsd:2" },
        { "<epcis:Shipment xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\"/>", "/Shipment", "must be epcis:EPCISDocument" },
        { "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\" creationDate=\"2026-07-22T10:30:00Z\"><EPCISBody><Events/></EPCISBody></epcis:EPCISDocument>",
            "/EPCISDocument/EPCISBody/Events", "not an element of the EPCIS binding" },
        { "<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\" creationDate=\"2026-07-22T10:30:00Z\"><EPCISBody><EventList/><EventList/></EPCISBody></epcis:EPCISDocument>",
            "/EPCISDocument/EPCISBody/EventList", "given more than once" },
        { "<epcisq:EPCISQueryDocument xmlns:epcisq=\"urn:epcglobal:epcis-query:xsd:2\" schemaVersion=\"2.0\" creationDate=\"2026-07-22T10:30:00Z\"><EPCISBody><epcisq:GetQueryNamesResult/></EPCISBody></epcisq:EPCISQueryDocument>",
            "/EPCISQueryDocument/EPCISBody/GetQueryNamesResult", "carries no events" },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void EachBrokenEnvelopeRuleIsReportedAtItsPath(string xml, string path, string message)
    {
        var result = XmlSamples.Read(xml);

        Assert.False(result.IsValid);
        Assert.Contains(result.Validation.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void EachEventCarriesItsOwnErrorsSoValidEventsCanProceed()
    {
        var xml = XmlSamples.Document(XmlSamples.ObjectEvent(action: "CREATE") + XmlSamples.ObjectEvent() + XmlSamples.ObjectEvent("<bizStep>flying</bizStep>"));
        using var reader = EpcisXmlReader.Create(new StringReader(xml));

        var events = reader.ReadEvents().ToList();

        Assert.Equal([false, true, false], events.Select(e => e.Validation.IsValid));
        Assert.Equal(["/EPCISDocument/EPCISBody/EventList/ObjectEvent[1]", "/EPCISDocument/EPCISBody/EventList/ObjectEvent[2]",
            "/EPCISDocument/EPCISBody/EventList/ObjectEvent[3]"], events.Select(e => e.Path));
        Assert.Equal("/EPCISDocument/EPCISBody/EventList/ObjectEvent[3]/bizStep", Assert.Single(events[2].Validation.Errors).Path);
        Assert.True(reader.DocumentErrors.IsValid);
    }

    [Fact]
    public void ValidationCanBeLeftToTheCallerButTheBindingsRulesStillHold()
    {
        var xml = XmlSamples.Document(XmlSamples.ObjectEvent("<colour>red</colour>", action: "CREATE"));

        var result = EpcisXml.Read(xml, new EpcisXmlOptions { Validate = false });

        Assert.Equal("/EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/colour[1]", Assert.Single(result.Validation.Errors).Path);
    }
}
