using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

public class AggregationEventRules
{
    [Theory]
    [InlineData("ADD")]
    [InlineData("DELETE")]
    public void RejectsAddOrDeleteWithoutParentId(string action)
    {
        var evt = EventSamples.AggregationEvent();
        evt["action"] = action;
        evt.Remove("parentID");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".parentID");
    }

    [Fact]
    public void AcceptsObserveWithoutParentId()
    {
        var evt = EventSamples.AggregationEvent();
        evt["action"] = "OBSERVE";
        evt.Remove("parentID");

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Theory]
    [InlineData("ADD")]
    [InlineData("OBSERVE")]
    public void RejectsAddOrObserveWithoutChildren(string action)
    {
        var evt = EventSamples.AggregationEvent();
        evt["action"] = action;
        evt["childEPCs"] = new JsonArray();

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".childEPCs");
    }

    [Fact]
    public void AcceptsDeleteWithoutChildrenAsDisaggregatingAll()
    {
        var evt = EventSamples.AggregationEvent();
        evt["action"] = "DELETE";
        evt["bizStep"] = "unpacking";
        evt.Remove("childEPCs");

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void AcceptsChildQuantitiesInsteadOfChildEpcs()
    {
        var evt = EventSamples.AggregationEvent();
        evt.Remove("childEPCs");
        evt["childQuantityList"] = new JsonArray(new JsonObject { ["epcClass"] = "https://id.gs1.org/01/09521141012345/10/L1", ["quantity"] = 40, ["uom"] = "KGM" });

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void RejectsEpcListOnAggregationEvent()
    {
        var evt = EventSamples.AggregationEvent();
        evt["epcList"] = new JsonArray("urn:epc:id:sgtin:0614141.107346.1");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".epcList");
    }
}
