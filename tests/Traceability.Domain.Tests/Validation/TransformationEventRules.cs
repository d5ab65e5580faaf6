namespace Traceability.Domain.Tests.Validation;

public class TransformationEventRules
{
    [Fact]
    public void AcceptsTheSample() => ValidationAssert.Valid(EventSamples.ValidateInDocument(EventSamples.TransformationEvent()));

    [Fact]
    public void RejectsAction()
    {
        var evt = EventSamples.TransformationEvent();
        evt["action"] = "ADD";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".action");
    }

    [Fact]
    public void RejectsInputsWithoutOutputsOrTransformationId()
    {
        var evt = EventSamples.TransformationEvent();
        evt.Remove("outputEPCList");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".outputEPCList");
    }

    [Fact]
    public void RejectsOutputsWithoutInputsOrTransformationId()
    {
        var evt = EventSamples.TransformationEvent();
        evt.Remove("inputQuantityList");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".inputEPCList");
    }

    [Fact]
    public void AcceptsOneSideWhenATransformationIdLinksTheOther()
    {
        var evt = EventSamples.TransformationEvent();
        evt.Remove("outputEPCList");
        evt["transformationID"] = "urn:epc:id:gdti:0614141.12345.400";

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Fact]
    public void RejectsNeitherInputsNorOutputs()
    {
        var evt = EventSamples.TransformationEvent();
        evt.Remove("outputEPCList");
        evt.Remove("inputQuantityList");
        evt["transformationID"] = "urn:epc:id:gdti:0614141.12345.400";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".inputEPCList");
    }

    [Fact]
    public void RejectsRelativeTransformationId()
    {
        var evt = EventSamples.TransformationEvent();
        evt["transformationID"] = "batch-17";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".transformationID");
    }
}
