using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;

namespace Traceability.Domain.Tests.Hashing;

public class EpcisEventsReading
{
    [Fact]
    public void ReadsTheEventListOfADocumentWithTheDocumentAsContext()
    {
        var document = JsonNode.Parse("""{"@context": [], "epcisBody": {"eventList": [{"type": "ObjectEvent", "n": 1}, {"type": "ObjectEvent", "n": 2}]}}""")!;

        var events = EpcisEvents.Read(document);

        Assert.Equal([1, 2], events.Select(e => (int)e.Event["n"]!));
        Assert.All(events, e => Assert.Same(document, e.Document));
    }

    [Fact]
    public void ReadsTheResultsOfAQueryDocument()
    {
        var document = JsonNode.Parse("""{"epcisBody": {"queryResults": {"resultsBody": {"eventList": [{"type": "ObjectEvent"}]}}}}""")!;

        Assert.Single(EpcisEvents.Read(document));
    }

    [Fact]
    public void ReadsADocumentWithASingleEvent() =>
        Assert.Single(EpcisEvents.Read(JsonNode.Parse("""{"epcisBody": {"event": {"type": "AggregationEvent"}}}""")));

    [Fact]
    public void ReadsABareEventWithoutDocumentContext()
    {
        var entry = Assert.Single(EpcisEvents.Read(JsonNode.Parse("""{"type": "ObjectEvent"}""")));

        Assert.Null(entry.Document);
    }

    [Fact]
    public void ReadsAnArrayOfBareEvents() =>
        Assert.Equal(2, EpcisEvents.Read(JsonNode.Parse("""[{"type": "ObjectEvent"}, {"type": "ObjectEvent"}]""")).Count);

    [Theory]
    [InlineData("""{"epcisBody": {"eventList": [1]}}""", "epcisBody.eventList[0] is not a JSON object")]
    [InlineData("""{"epcisBody": {}}""", "holds no eventList")]
    [InlineData("""{"hello": "world"}""", "Expected an EPCIS document")]
    [InlineData("42", "Expected an EPCIS document")]
    public void RejectsJsonThatHoldsNoEvents(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => EpcisEvents.Read(JsonNode.Parse(json))).Message);
}
