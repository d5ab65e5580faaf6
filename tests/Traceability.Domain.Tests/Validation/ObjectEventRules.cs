using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

public class ObjectEventRules
{
    [Fact]
    public void RejectsObjectEventWithoutIdentifierList()
    {
        var evt = EventSamples.ObjectEvent();
        evt.Remove("epcList");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".epcList");
    }

    [Fact]
    public void RejectsObjectEventWithOnlyEmptyLists()
    {
        var evt = EventSamples.ObjectEvent();
        evt["epcList"] = new JsonArray();
        evt["quantityList"] = new JsonArray();

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".epcList");
    }

    [Fact]
    public void AcceptsQuantityListInsteadOfEpcList()
    {
        var evt = EventSamples.ObjectEvent();
        evt.Remove("epcList");
        evt["quantityList"] = new JsonArray(new JsonObject { ["epcClass"] = "https://id.gs1.org/01/09521141012345/10/L1", ["quantity"] = 3 });

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void AcceptsSensorOnlyObservationAtAReadPoint()
    {
        var evt = EventSamples.ObjectEvent();
        evt["epcList"] = new JsonArray();
        evt["sensorElementList"] = new JsonArray(new JsonObject
        {
            ["sensorReport"] = new JsonArray(new JsonObject { ["type"] = "Temperature", ["value"] = 4.5, ["uom"] = "CEL" }),
        });

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void RejectsMissingAction()
    {
        var evt = EventSamples.ObjectEvent();
        evt.Remove("action");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".action");
    }

    [Theory]
    [InlineData("CREATE")]
    [InlineData("add")]
    public void RejectsActionsOtherThanAddObserveDelete(string action)
    {
        var evt = EventSamples.ObjectEvent();
        evt["action"] = action;

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".action");
    }

    [Theory]
    [InlineData("OBSERVE")]
    [InlineData("DELETE")]
    public void RejectsIlmdUnlessActionIsAdd(string action)
    {
        var evt = EventSamples.ObjectEvent();
        evt["action"] = action;
        evt["ilmd"] = new JsonObject { ["cbvmda:lotNumber"] = "L1" };

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".ilmd");
    }

    [Fact]
    public void AcceptsIlmdWhenCommissioning()
    {
        var evt = EventSamples.ObjectEvent();
        evt["action"] = "ADD";
        evt["bizStep"] = "commissioning";
        evt["ilmd"] = new JsonObject { ["cbvmda:lotNumber"] = "L1", ["cbvmda:bestBeforeDate"] = "2026-12-01" };

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }
}
