using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Validation;

public class EpcisEventView
{
    private static JsonObject FirstEvent(string file)
    {
        var document = ValidationData.Load("epcis-capture", "valid", file);
        Assert.True(EpcisValidator.ValidateDocument(document).IsValid);
        return document["epcisBody"]!["eventList"]![0]!.AsObject();
    }

    [Fact]
    public void ReadsEveryFieldOfAnObjectEvent()
    {
        var evt = EpcisEvent.FromJson(FirstEvent("ObjectEvent_all_possible_fields.json"));

        Assert.Equal(EventType.ObjectEvent, evt.Type);
        Assert.Equal(new DateTimeOffset(2005, 4, 5, 2, 33, 31, 116, TimeSpan.Zero), evt.EventTime);
        Assert.Equal("-06:00", evt.EventTimeZoneOffset);
        Assert.Equal("ADD", evt.Action);
        Assert.Equal("https://ref.gs1.org/cbv/BizStep-receiving", evt.BizStep);
        Assert.Equal("https://ref.gs1.org/cbv/Disp-in_progress", evt.Disposition);
        Assert.Equal("urn:epc:id:sgln:0012345.11111.400", evt.ReadPoint);
        Assert.Equal("urn:epc:id:sgln:0012345.11111.0", evt.BizLocation);
        Assert.Equal(["urn:epc:id:sgtin:0614141.107346.2018"], evt.EpcList);
        Assert.Equal([new QuantityElement("urn:epc:class:lgtin:4012345.012345.998877", 200m, "KGM")], evt.QuantityList);
        Assert.Equal(
            [new BizTransaction("https://ref.gs1.org/cbv/BTT-po", "urn:epc:id:gdti:0614141.00001.1618034"),
             new BizTransaction("https://ref.gs1.org/cbv/BTT-pedigree", "urn:epc:id:gsrn:0614141.0000010253")],
            evt.BizTransactions);
        Assert.Equal(new SourceDest("https://ref.gs1.org/cbv/SDT-owning_party", "urn:epc:id:pgln:4012345.00225"), evt.Sources[2]);
        Assert.Equal(new SourceDest("https://ref.gs1.org/cbv/SDT-location", "urn:epc:id:sgln:0614141.00777.0"), evt.Destinations[0]);
        Assert.True(evt.HasErrorDeclaration);
        Assert.Null(evt.ParentId);
        Assert.Empty(evt.ChildEpcs);
    }

    [Fact]
    public void ReadsTheListsOfATransformationEvent()
    {
        var evt = EpcisEvent.FromJson(FirstEvent("TransformationEvent_all_possible_fields.json"));

        Assert.Equal(EventType.TransformationEvent, evt.Type);
        Assert.Null(evt.Action);
        Assert.Equal("urn:epc:id:gdti:0614141.12345.400", evt.TransformationId);
        Assert.Equal(2, evt.InputEpcList.Count);
        Assert.Equal(4, evt.OutputEpcList.Count);
        Assert.Equal(new QuantityElement("urn:epc:class:lgtin:0614141.077777.987", 30m, null), evt.InputQuantityList[1]);
        Assert.Equal(3, evt.OutputQuantityList.Count);
    }

    [Fact]
    public void ReadsParentAndChildrenOfAnAggregationEvent()
    {
        var evt = EpcisEvent.FromJson(FirstEvent("AggregationEvent_all_possible_fields.json"));

        Assert.Equal("urn:epc:id:sscc:0614141.1234567890", evt.ParentId);
        Assert.Equal(["urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.2018"], evt.ChildEpcs);
        Assert.Equal(200.5m, evt.ChildQuantityList[1].Quantity);
        Assert.Null(evt.ChildQuantityList[0].Uom);
    }

    [Fact]
    public void KeepsCustomVocabularyValuesAsGiven()
    {
        var evt = EventSamples.ObjectEvent();
        evt["bizStep"] = "https://example.com/steps/flying";
        evt["disposition"] = "cbv:Disp-recalled";

        var view = EpcisEvent.FromJson(evt);

        Assert.Equal("https://example.com/steps/flying", view.BizStep);
        Assert.Equal("https://ref.gs1.org/cbv/Disp-recalled", view.Disposition);
    }

    [Fact]
    public void ListsEveryIdentifierOnceInstancesFirst()
    {
        var evt = EventSamples.TransformationEvent();
        evt["inputEPCList"] = new JsonArray("urn:epc:id:sgtin:0614141.107346.1");
        evt["outputQuantityList"] = new JsonArray(new JsonObject { ["epcClass"] = "https://id.gs1.org/01/09521141012345/10/RAW-1" });

        Assert.Equal(
            ["urn:epc:id:sgtin:0614141.107346.1", "https://id.gs1.org/01/09521141012345/21/OUT-1", "https://id.gs1.org/01/09521141012345/10/RAW-1"],
            EpcisEvent.FromJson(evt).AllEpcs());
    }

    [Fact]
    public void ListsParentAndChildrenOfAnAggregation()
    {
        var evt = EventSamples.AggregationEvent();

        Assert.Equal(
            ["https://id.gs1.org/01/09521141012345/21/1", "https://id.gs1.org/01/09521141012345/21/2", "https://id.gs1.org/00/009521141000000018"],
            EpcisEvent.FromJson(evt).AllEpcs());
    }

    [Fact]
    public void ExposesTheOriginalJsonUntouched()
    {
        var evt = EventSamples.ObjectEvent();
        var before = evt.ToJsonString();

        var view = EpcisEvent.FromJson(evt);

        Assert.Same(evt, view.Json);
        Assert.Equal(before, view.Json.ToJsonString());
    }

    [Fact]
    public void KeepsTheEventTimeOffset()
    {
        var view = EpcisEvent.FromJson(EventSamples.ObjectEvent());

        Assert.Equal(TimeSpan.FromHours(2), view.EventTime.Offset);
        Assert.Equal(new DateTimeOffset(2026, 7, 22, 4, 45, 0, TimeSpan.Zero), view.EventTime.ToUniversalTime());
    }

    [Theory]
    [InlineData("""{ "eventTime": "2026-07-22T06:45:00Z" }""")]
    [InlineData("""{ "type": "ObjectEvent", "eventTime": "22-07-2026" }""")]
    public void RefusesEventsThatCannotHaveBeenValidated(string json) =>
        Assert.Throws<ArgumentException>(() => EpcisEvent.FromJson(EventSamples.Parse(json)));
}
