using System.Text.Json.Nodes;
using CsCheck;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class LabResultReadBack
{
    private static LabResult Read(JsonObject evt) =>
        LabResult.TryRead(evt, out var result) ? result : throw new Xunit.Sdk.XunitException("the event did not read back as a lab result");

    [Fact]
    public void ReadsBackWhatWasBuiltFromAnyValidRequest() =>
        LabGens.Request.Sample(request =>
        {
            var expected = LabResultValidator.Create(request);
            var stored = JsonNode.Parse(LabResultEvent.Build(expected, LabSamples.LabWithGln).ToJsonString())!.AsObject();

            Assert.Equal(expected, Read(stored));
        });

    [Fact]
    public void KeepsTheLabsOffsetAndTheBatchLetter()
    {
        var read = Read(LabResultEvent.Build(LabSamples.Qualitative(), LabSamples.LabWithGln));

        Assert.Equal(TimeSpan.FromHours(8), read.TestedAt.Offset);
        Assert.Equal("GBW(E)082923a", read.ReferenceMaterial.Value);
        Assert.Equal("/01/09506000134352/10/A-1", read.LotPath);
    }

    [Fact]
    public void ReadsTheExtensionUnderAnyPrefixTheEventDeclares()
    {
        var evt = LabResultEvent.Build(LabSamples.Measured(), LabSamples.LabWithGln);
        var renamed = new JsonObject();
        foreach (var (name, value) in evt)
            renamed[name.StartsWith("lab:", StringComparison.Ordinal) ? "lr:" + name[4..] : name] = value?.DeepClone();
        renamed["@context"] = new JsonArray(LabResultEvent.EpcisContext, new JsonObject { ["lr"] = LabResultExtension.Namespace });

        Assert.Equal(LabResultValidator.Create(LabSamples.Measured()), Read(renamed));
    }

    [Fact]
    public void AnEventWithoutTheExtensionIsNoLabResult()
    {
        var evt = LabResultEvent.Build(LabSamples.Qualitative(), LabSamples.LabWithGln);
        evt["@context"] = new JsonArray(LabResultEvent.EpcisContext, new JsonObject { ["lab"] = "https://other.example/ns#" });

        Assert.False(LabResult.TryRead(evt, out _));
    }

    [Fact]
    public void AnEventOfAnotherBusinessStepIsNoLabResult()
    {
        var evt = LabResultEvent.Build(LabSamples.Qualitative(), LabSamples.LabWithGln);
        evt["bizStep"] = "shipping";

        Assert.False(LabResult.TryRead(evt, out _));
    }

    [Fact]
    public void ADispositionContradictingTheVerdictIsNotTrusted()
    {
        var evt = LabResultEvent.Build(LabSamples.MeasuredFail(), LabSamples.LabWithGln);
        evt["disposition"] = "conformant";

        Assert.False(LabResult.TryRead(evt, out _));
    }

    [Fact]
    public void AnEditedValueThatNoLongerMatchesTheVerdictIsNotTrusted()
    {
        var evt = LabResultEvent.Build(LabSamples.MeasuredFail(), LabSamples.LabWithGln);
        evt["lab:value"] = 0.01m;

        Assert.False(LabResult.TryRead(evt, out _));
    }

    [Fact]
    public void AcceptsTheFullCbvSpellingOfStepAndDisposition()
    {
        var evt = LabResultEvent.Build(LabSamples.MeasuredFail(), LabSamples.LabWithGln);
        evt["bizStep"] = "https://ref.gs1.org/cbv/BizStep-inspecting";
        evt["disposition"] = "cbv:Disp-non_conformant";

        Assert.Equal(Verdict.Fail, Read(evt).Verdict);
    }
}
