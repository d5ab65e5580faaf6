using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

public class IdentifierValidation
{
    private static JsonObject EventWithEpcs(params string[] epcs)
    {
        var evt = EventSamples.ObjectEvent();
        evt["epcList"] = new JsonArray([.. epcs.Select(epc => (JsonNode)epc)]);
        return evt;
    }

    [Theory]
    [InlineData("urn:epc:id:sgtin:0614141.107346.2018")]
    [InlineData("https://id.gs1.org/01/09521141012345/21/2017")]
    [InlineData("https://example.com/gs1/01/09521141012345/21/A%2FB")]
    [InlineData("https://id.gs1.org/00/009521141000000018")]
    [InlineData("https://example.com/items/42")]
    [InlineData("urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8")]
    [InlineData("https://example.com/lots/批次-7")]
    public void AcceptsAbsoluteUris(string epc) => ValidationAssert.Valid(EventSamples.ValidateInDocument(EventWithEpcs(epc)));

    [Theory]
    [InlineData("09521141012345/21/2017")]
    [InlineData("/01/09521141012345/21/2017")]
    [InlineData("id.gs1.org/01/09521141012345/21/2017")]
    [InlineData("urn:epc:id:sgtin:0614141.107346 2018")]
    [InlineData("https:/id.gs1.org/01/09521141012345")]
    [InlineData("https://id.gs1.org/01/0952114101234%/21/1")]
    [InlineData("")]
    public void RejectsRelativeOrMalformedUrisInEpcList(string epc) =>
        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(EventWithEpcs(epc)), EventSamples.At + ".epcList[0]");

    [Theory]
    [InlineData("https://id.gs1.org/01/09521141012346/21/2017")]
    [InlineData("https://id.gs1.org/00/009521141000000019")]
    [InlineData("https://id.gs1.org/414/9521141000008")]
    public void RejectsDigitalLinkKeysWithWrongCheckDigit(string epc) =>
        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(EventWithEpcs(epc)), EventSamples.At + ".epcList[0]");

    [Fact]
    public void RejectsTheSameEpcTwice() =>
        ValidationAssert.RejectedOnlyAt(
            EventSamples.ValidateInDocument(EventWithEpcs("urn:epc:id:sgtin:0614141.107346.1", "urn:epc:id:sgtin:0614141.107346.1")),
            EventSamples.At + ".epcList[1]");

    [Fact]
    public void RejectsEpcListThatIsNotAnArray()
    {
        var evt = EventSamples.ObjectEvent();
        evt["epcList"] = "urn:epc:id:sgtin:0614141.107346.1";

        ValidationAssert.RejectedAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".epcList");
    }

    [Fact]
    public void RejectsReadPointGlnWithWrongCheckDigit()
    {
        var evt = EventSamples.ObjectEvent();
        evt["readPoint"] = new JsonObject { ["id"] = "https://id.gs1.org/414/9521141000001" };

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".readPoint.id");
    }

    [Fact]
    public void RejectsReadPointWithoutId()
    {
        var evt = EventSamples.ObjectEvent();
        evt["readPoint"] = new JsonObject { ["ex:gate"] = "4" };

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".readPoint.id");
    }

    [Fact]
    public void RejectsBizLocationGivenAsPlainString()
    {
        var evt = EventSamples.ObjectEvent();
        evt["bizLocation"] = "urn:epc:id:sgln:9521141.00000.0";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".bizLocation");
    }

    [Fact]
    public void RejectsRelativeParentId()
    {
        var evt = EventSamples.AggregationEvent();
        evt["parentID"] = "pallet-7";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".parentID");
    }

    [Fact]
    public void RejectsRelativeEventIdAndCertificationInfo()
    {
        var evt = EventSamples.ObjectEvent();
        evt["eventID"] = "event-1";
        evt["certificationInfo"] = new JsonArray("https://example.org/cert/1", "cert 2");

        var result = EventSamples.ValidateInDocument(evt);

        Assert.Equal([EventSamples.At + ".eventID", EventSamples.At + ".certificationInfo[1]"], result.Errors.Select(e => e.Path));
    }
}
