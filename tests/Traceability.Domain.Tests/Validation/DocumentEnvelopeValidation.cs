using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Validation;

public class DocumentEnvelopeValidation
{
    private static JsonObject Document() => EventSamples.InDocument(EventSamples.ObjectEvent());

    [Fact]
    public void AcceptsTheSampleDocument() => ValidationAssert.Valid(EpcisValidator.ValidateDocument(Document()));

    [Fact]
    public void AcceptsDocumentWithEmptyEventList()
    {
        var document = Document();
        document["epcisBody"]!["eventList"] = new JsonArray();

        ValidationAssert.Valid(EpcisValidator.ValidateDocument(document));
    }

    [Theory]
    [InlineData("https://ref.gs1.org/standards/epcis/epcis-context.jsonld")]
    [InlineData("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld")]
    [InlineData("https://ref.gs1.org/standards/epcis/2.0.1/epcis-context.jsonld")]
    public void AcceptsTheEpcisContextAsASingleUri(string context)
    {
        var document = Document();
        document["@context"] = context;
        document["epcisBody"]!["eventList"] = new JsonArray(EventSamples.ObjectEvent());

        ValidationAssert.Valid(EpcisValidator.ValidateDocument(document));
    }

    [Theory]
    [InlineData("https://ref.gs1.org/standards/epcis/1.2.0/epcis-context.jsonld")]
    [InlineData("http://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld")]
    [InlineData("https://example.com/epcis-context.jsonld")]
    public void RejectsContextWithoutTheEpcis2Context(string context)
    {
        var document = Document();
        document["@context"] = context;

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(document), "$.@context");
    }

    [Fact]
    public void RejectsContextGivenAsNumber()
    {
        var document = Document();
        document["@context"] = 2;

        ValidationAssert.RejectedAt(EpcisValidator.ValidateDocument(document), "$.@context");
    }

    [Fact]
    public void RejectsContextListingTheSameUriTwice()
    {
        var document = Document();
        document["@context"] = new JsonArray(EventSamples.EpcisContext, EventSamples.EpcisContext);

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(document), "$.@context[1]");
    }

    [Theory]
    [InlineData("EPCISMasterDataDocument")]
    [InlineData("epcisdocument")]
    public void RejectsOtherDocumentTypes(string type)
    {
        var document = Document();
        document["type"] = type;

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(document), "$.type");
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("2.x")]
    [InlineData("20")]
    public void RejectsSchemaVersionsOtherThanEpcis2(string version)
    {
        var document = Document();
        document["schemaVersion"] = version;

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(document), "$.schemaVersion");
    }

    [Theory]
    [InlineData("schemaVersion")]
    [InlineData("creationDate")]
    [InlineData("epcisBody")]
    public void RejectsDocumentMissingARequiredField(string field)
    {
        var document = Document();
        document.Remove(field);

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(document), $"$.{field}");
    }

    [Fact]
    public void RejectsMalformedCreationDate()
    {
        var document = Document();
        document["creationDate"] = "2026-07-22";

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(document), "$.creationDate");
    }

    [Fact]
    public void RejectsEventListThatIsNotAnArray()
    {
        var document = Document();
        document["epcisBody"]!["eventList"] = EventSamples.ObjectEvent();

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(document), "$.epcisBody.eventList");
    }

    [Fact]
    public void RejectsEventThatIsNotAnObject()
    {
        var document = Document();
        document["epcisBody"]!["eventList"]!.AsArray().Add("ObjectEvent");

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(document), "$.epcisBody.eventList[1]");
    }

    [Fact]
    public void RejectsUnprefixedUnknownDocumentField()
    {
        var document = Document();
        document["comment"] = "hello";

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(document), "$.comment");
    }

    [Fact]
    public void AcceptsPrefixedDocumentExtension()
    {
        var document = Document();
        document["ex:batchNote"] = "hello";

        ValidationAssert.Valid(EpcisValidator.ValidateDocument(document));
    }

    [Fact]
    public void RejectsDocumentThatIsNotAnObject()
    {
        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(new JsonArray()), "$");
        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(null), "$");
    }

    [Fact]
    public void ReportsEveryFaultyEventByIndex()
    {
        var second = EventSamples.ObjectEvent();
        second["action"] = "CREATE";
        var fourth = EventSamples.ObjectEvent();
        fourth.Remove("eventTimeZoneOffset");
        var document = EventSamples.InDocument(EventSamples.ObjectEvent(), second, EventSamples.ObjectEvent(), fourth);

        var result = EpcisValidator.ValidateDocument(document);

        Assert.Equal(["$.epcisBody.eventList[1].action", "$.epcisBody.eventList[3].eventTimeZoneOffset"],
            result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void NamesEventsOfAQueryDocumentByTheirPath()
    {
        var evt = EventSamples.ObjectEvent();
        evt["action"] = "CREATE";
        var document = Document();
        document["type"] = "EPCISQueryDocument";
        document["epcisBody"] = new JsonObject
        {
            ["queryResults"] = new JsonObject
            {
                ["queryName"] = "SimpleEventQuery",
                ["resultsBody"] = new JsonObject { ["eventList"] = new JsonArray(evt) },
            },
        };

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(document), "$.epcisBody.queryResults.resultsBody.eventList[0].action");
    }
}
