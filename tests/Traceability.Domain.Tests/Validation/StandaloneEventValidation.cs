using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Validation;

public class StandaloneEventValidation
{
    private static JsonObject StandaloneEvent()
    {
        var evt = EventSamples.ObjectEvent();
        evt["@context"] = new JsonArray(EventSamples.EpcisContext, new JsonObject { ["ex"] = "https://example.com/ns/" });
        return evt;
    }

    [Fact]
    public void AcceptsEventCarryingItsOwnContext()
    {
        var evt = StandaloneEvent();
        evt["ex:note"] = "checked";

        ValidationAssert.Valid(EpcisValidator.ValidateEvent(evt));
    }

    [Fact]
    public void RejectsEventWithoutContext()
    {
        var evt = StandaloneEvent();
        evt.Remove("@context");

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateEvent(evt), "$.@context");
    }

    [Fact]
    public void RejectsEventWhoseContextLacksTheEpcisContext()
    {
        var evt = StandaloneEvent();
        evt["@context"] = new JsonObject { ["ex"] = "https://example.com/ns/" };

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateEvent(evt), "$.@context");
    }

    [Fact]
    public void StartsPathsAtTheGivenPrefix()
    {
        var evt = StandaloneEvent();
        evt["action"] = "CREATE";

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateEvent(evt, "$.events[3]"), "$.events[3].action");
    }

    [Fact]
    public void ValidatesADocumentEventInItsDocumentContext()
    {
        var document = EventSamples.InDocument(EventSamples.ObjectEvent());
        var evt = document["epcisBody"]!["eventList"]![0]!;
        evt["ex:note"] = "declared by the document";

        ValidationAssert.Valid(EpcisValidator.ValidateEvent(evt, document["@context"], EventSamples.At));
    }

    [Theory]
    [InlineData("ExtendedEvent")]
    [InlineData("objectEvent")]
    public void RejectsUnknownEventType(string type)
    {
        var evt = StandaloneEvent();
        evt["type"] = type;

        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateEvent(evt), "$.type");
    }

    [Fact]
    public void RejectsEventThatIsNotAnObject() =>
        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateEvent(JsonValue.Create("ObjectEvent")), "$");
}
