using System.Text;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Xml;

namespace Traceability.Domain.Tests.Xml;

/// <summary>The reader streams: the envelope first, then one event at a time, reading no further than asked.</summary>
public sealed class StreamingReading
{
    [Fact]
    public void TheEnvelopeIsReadyBeforeTheFirstEvent()
    {
        var xml = XmlSamples.Document(XmlSamples.ObjectEvent(), "xmlns:ex=\"urn:example:\"")
            .Replace("<EPCISBody>", "<EPCISHeader><ex:note>n</ex:note></EPCISHeader><EPCISBody>");
        using var reader = EpcisXmlReader.Create(new StringReader(xml));

        Assert.True(reader.ReadHeader());

        Assert.Equal(EpcisXmlRoot.EpcisDocument, reader.Root);
        Assert.Equal("n", reader.Document!["epcisHeader"]!["ex:note"]!.GetValue<string>());
        Assert.Empty(reader.Document["epcisBody"]!["eventList"]!.AsArray());
    }

    [Fact]
    public void EventsComeOneAtATimeAndReadingStopsWhereTheConsumerStops()
    {
        // The third event is cut off: a consumer that takes two never reaches it.
        var xml = XmlSamples.Document(XmlSamples.ObjectEvent() + XmlSamples.ObjectEvent() + "<ObjectEvent><eventTime>");
        using var reader = EpcisXmlReader.Create(new StringReader(xml));

        var firstTwo = reader.ReadEvents().Take(2).ToList();

        Assert.All(firstTwo, e => Assert.True(e.Validation.IsValid));
        Assert.True(reader.DocumentErrors.IsValid);
    }

    [Fact]
    public void AnErrorLaterInTheDocumentEndsReadingAfterTheEventsBeforeIt()
    {
        var xml = XmlSamples.Document(XmlSamples.ObjectEvent() + "<ObjectEvent><eventTime>");
        using var reader = EpcisXmlReader.Create(new StringReader(xml));

        var events = reader.ReadEvents().ToList();

        Assert.Single(events);
        Assert.StartsWith("not well-formed XML", Assert.Single(reader.DocumentErrors.Errors).Message);
    }

    [Fact]
    public void EachEventHashesWithTheDocumentAsItsScope()
    {
        var xml = XmlSamples.Document(XmlSamples.ObjectEvent("<ex:a>1</ex:a>"), "xmlns:ex=\"urn:example:\"");
        using var reader = EpcisXmlReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        var evt = Assert.Single(reader.ReadEvents());

        Assert.Contains("{urn:example:}a=1", EventHash.PreHash(evt.Event, reader.Document));
    }

    [Fact]
    public void ABareEventCarriesTheWholeContextItNeeds()
    {
        var xml = XmlSamples.ObjectEvent("<ex:a>1</ex:a>", attributes: "xmlns=\"urn:epcglobal:epcis:xsd:2\" xmlns:ex=\"urn:example:\"")
            .Replace("<ObjectEvent", "<epcis:ObjectEvent xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\"").Replace("</ObjectEvent>", "</epcis:ObjectEvent>");
        using var reader = EpcisXmlReader.Create(new StringReader(xml));

        var evt = Assert.Single(reader.ReadEvents());

        Assert.Equal(EpcisXmlRoot.Event, reader.Root);
        Assert.Null(reader.Document);
        Assert.Equal("/ObjectEvent", evt.Path);
        Assert.Equal("""["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"ex":"urn:example:"}]""", evt.Event["@context"]!.ToJsonString());
        Assert.True(evt.Validation.IsValid, evt.Validation.ToString());
    }

    [Fact]
    public void ADocumentWithoutEventsHasAnEmptyEventList()
    {
        var result = XmlSamples.Read(XmlSamples.Document(""));

        Assert.True(result.IsValid, result.Validation.ToString());
        Assert.Empty(result.Json!["epcisBody"]!["eventList"]!.AsArray());
    }
}
