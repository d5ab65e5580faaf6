using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

public class PersistentDispositionValidation
{
    private const string Field = EventSamples.At + ".persistentDisposition";

    private static JsonObject EventWith(string persistentDispositionJson)
    {
        var evt = EventSamples.ObjectEvent();
        evt["persistentDisposition"] = JsonNode.Parse(persistentDispositionJson);
        return evt;
    }

    [Fact]
    public void AcceptsSetAndUnset() =>
        ValidationAssert.Valid(EventSamples.ValidateInDocument(EventWith("""{ "set": ["completeness_verified"], "unset": ["cbv:Disp-completeness_inferred"] }""")));

    [Theory]
    [InlineData("{}", "")]
    [InlineData("""{ "set": [] }""", ".set")]
    [InlineData("""{ "set": ["shipping"] }""", ".set[0]")]
    [InlineData("""{ "add": ["recalled"] }""", ".add")]
    [InlineData("\"recalled\"", "")]
    public void RejectsMalformedPersistentDisposition(string value, string field) =>
        ValidationAssert.RejectedAt(EventSamples.ValidateInDocument(EventWith(value)), Field + field);

    [Fact]
    public void IsAcceptedOnAggregationEventsAsRealFeedsSendIt()
    {
        var evt = EventSamples.AggregationEvent();
        evt["persistentDisposition"] = new JsonObject { ["set"] = new JsonArray("completeness_verified") };

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }
}
