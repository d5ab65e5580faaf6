using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Validation;

public class ExtensionValidation
{
    [Fact]
    public void AcceptsExtensionWithPrefixDeclaredByTheDocument()
    {
        var evt = EventSamples.ObjectEvent();
        evt["ex:harvestField"] = new JsonObject { ["plot"] = 7, ["anything goes"] = new JsonArray(1, "two") };

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void RejectsUnknownFieldWithoutPrefix()
    {
        var evt = EventSamples.ObjectEvent();
        evt["harvestField"] = "plot 7";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".harvestField");
    }

    [Fact]
    public void RejectsUndeclaredPrefix()
    {
        var evt = EventSamples.ObjectEvent();
        evt["farm:plot"] = "7";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".farm:plot");
    }

    [Fact]
    public void AcceptsPrefixDeclaredInTheEventsOwnContext()
    {
        var evt = EventSamples.ObjectEvent();
        evt["@context"] = new JsonArray(new JsonObject { ["farm"] = "https://farm.example/ns#" });
        evt["farm:plot"] = "7";

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void DoesNotLeakAnEventsPrefixToTheNextEvent()
    {
        var first = EventSamples.ObjectEvent();
        first["@context"] = new JsonObject { ["farm"] = "https://farm.example/ns#" };
        first["farm:plot"] = "7";
        var second = EventSamples.ObjectEvent();
        second["farm:plot"] = "8";

        var result = EpcisValidator.ValidateDocument(EventSamples.InDocument(first, second));

        ValidationAssert.RejectedOnlyAt(result, "$.epcisBody.eventList[1].farm:plot");
    }

    [Theory]
    [InlineData("rdfs:comment")]
    [InlineData("gs1:netContent")]
    [InlineData("https://farm.example/ns#plot")]
    [InlineData("urn:example:plot")]
    public void AcceptsStandardPrefixesAndFullIris(string name)
    {
        var evt = EventSamples.ObjectEvent();
        evt[name] = "7";

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void AcceptsAnyPrefixWhenAnotherRemoteContextMayDeclareIt()
    {
        var document = EventSamples.InDocument(EventSamples.ObjectEvent());
        document["@context"]!.AsArray().Add("https://farm.example/context.jsonld");
        document["epcisBody"]!["eventList"]![0]!["farm:plot"] = "7";

        ValidationAssert.Valid(EpcisValidator.ValidateDocument(document));
    }

    [Fact]
    public void RejectsStandardFieldOfAnotherEventType()
    {
        var evt = EventSamples.ObjectEvent();
        evt["childEPCs"] = new JsonArray("urn:epc:id:sgtin:0614141.107346.1");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".childEPCs");
    }

    [Fact]
    public void RequiresPrefixedNamesInIlmd()
    {
        var evt = EventSamples.ObjectEvent();
        evt["action"] = "ADD";
        evt["ilmd"] = new JsonObject { ["cbvmda:lotNumber"] = "L1", ["ex:grade"] = "A", ["bestBefore"] = "2026-12-01" };

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".ilmd.bestBefore");
    }

    [Fact]
    public void ChecksPrefixesInsideNestedStandardObjects()
    {
        var evt = EventSamples.ObjectEvent();
        evt["readPoint"]!["farm:gate"] = "4";
        evt["errorDeclaration"] = new JsonObject { ["declarationTime"] = "2026-07-23T00:00:00Z", ["ex:ticket"] = "T-1", ["note"] = "x" };

        var result = EventSamples.ValidateInDocument(evt);

        Assert.Equal([EventSamples.At + ".readPoint.farm:gate", EventSamples.At + ".errorDeclaration.note"], result.Errors.Select(e => e.Path));
    }
}
