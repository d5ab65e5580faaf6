using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

public class VocabularyValidation
{
    private const string BizStep = EventSamples.At + ".bizStep";

    [Theory]
    [InlineData("shipping")]
    [InlineData("cbv:BizStep-shipping")]
    [InlineData("https://ref.gs1.org/cbv/BizStep-shipping")]
    [InlineData("sensor_reporting")]
    public void AcceptsCbvBizStepInEverySpelling(string bizStep)
    {
        var evt = EventSamples.ObjectEvent();
        evt["bizStep"] = bizStep;

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Theory]
    [InlineData("https://example.com/steps/flying")]
    [InlineData("urn:example:bizstep:flying")]
    [InlineData("ex:flying")]
    public void AcceptsBizStepsOfOtherVocabularies(string bizStep)
    {
        var evt = EventSamples.ObjectEvent();
        evt["bizStep"] = bizStep;

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Theory]
    [InlineData("flying")]
    [InlineData("Shipping")]
    [InlineData("transforming")]
    [InlineData("https://ref.gs1.org/cbv/BizStep-flying")]
    [InlineData("cbv:BizStep-flying")]
    [InlineData("urn:epcglobal:cbv:bizstep:shipping")]
    [InlineData("in_transit")]
    public void RejectsValuesThatAreNeitherCbvBizStepsNorUris(string bizStep)
    {
        var evt = EventSamples.ObjectEvent();
        evt["bizStep"] = bizStep;

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), BizStep);
    }

    [Fact]
    public void RejectsBizStepAsDisposition()
    {
        var evt = EventSamples.ObjectEvent();
        evt["disposition"] = "shipping";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".disposition");
    }

    [Fact]
    public void RejectsUnknownBizTransactionType()
    {
        var evt = EventSamples.TransactionEvent();
        evt["bizTransactionList"]![0]!["type"] = "purchase_order";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".bizTransactionList[0].type");
    }

    [Fact]
    public void AcceptsCustomBizTransactionTypeUri()
    {
        var evt = EventSamples.TransactionEvent();
        evt["bizTransactionList"]![0]!["type"] = "urn:gs1:epcisapp:rail:btt:passage";

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void RejectsUnknownSourceType()
    {
        var evt = EventSamples.ObjectEvent();
        evt["sourceList"] = new JsonArray(new JsonObject { ["type"] = "owner", ["source"] = "https://id.gs1.org/417/9521141000014" });

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".sourceList[0].type");
    }

    [Fact]
    public void AcceptsCbvDestinationTypes()
    {
        var evt = EventSamples.ObjectEvent();
        evt["destinationList"] = new JsonArray(
            new JsonObject { ["type"] = "owning_party", ["destination"] = "https://id.gs1.org/417/9521141000014" },
            new JsonObject { ["type"] = "https://ref.gs1.org/cbv/SDT-location", ["destination"] = "https://id.gs1.org/414/9521141000007" });

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void RejectsSourceWithoutType()
    {
        var evt = EventSamples.ObjectEvent();
        evt["sourceList"] = new JsonArray(new JsonObject { ["source"] = "https://id.gs1.org/417/9521141000014" });

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".sourceList[0].type");
    }
}
