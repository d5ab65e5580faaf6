using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

public class AssociationEventRules
{
    [Theory]
    [InlineData("ADD")]
    [InlineData("OBSERVE")]
    [InlineData("DELETE")]
    public void RejectsAnyActionWithoutParentId(string action)
    {
        var evt = EventSamples.AssociationEvent();
        evt["action"] = action;
        evt.Remove("parentID");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".parentID");
    }

    [Fact]
    public void RejectsAddWithoutChildren()
    {
        var evt = EventSamples.AssociationEvent();
        evt.Remove("childEPCs");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".childEPCs");
    }

    [Fact]
    public void AcceptsDeleteWithoutChildren()
    {
        var evt = EventSamples.AssociationEvent();
        evt["action"] = "DELETE";
        evt.Remove("childEPCs");

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void AcceptsPlaceAsParentWithSensorChildren()
    {
        var evt = EventSamples.AssociationEvent();
        evt["parentID"] = "https://id.gs1.org/414/9521141000007";
        evt["childQuantityList"] = new JsonArray(new JsonObject { ["epcClass"] = "https://id.gs1.org/01/09521141012345", ["quantity"] = 2 });

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }
}
