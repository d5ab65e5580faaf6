using System.Text.Json.Nodes;
using CsCheck;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class LabResultEventValidity
{
    private static readonly Gen<LabParty> Lab = Gen.OneOf(Gen.Const(LabSamples.LabWithGln), Gen.Const(LabSamples.LabWithoutGln));

    [Fact]
    public void EveryBuiltEventIsValidEpcis() =>
        Gen.Select(LabGens.Request, Lab).Sample((request, lab) =>
        {
            var result = EpcisValidator.ValidateEvent(LabResultEvent.Build(request, lab));
            Assert.True(result.IsValid, result.ToString());
        });

    [Fact]
    public void EveryBuiltEventHashesTheSameAfterStorage() =>
        Gen.Select(LabGens.Request, Lab).Sample((request, lab) =>
        {
            var built = LabResultEvent.Build(request, lab);
            var stored = JsonNode.Parse(built.ToJsonString())!.AsObject();
            var id = EventHash.ComputeId(built);
            Assert.StartsWith("ni:///sha-256;", id);
            Assert.Equal(id, EventHash.ComputeId(stored));
        });

    [Fact]
    public void TheSameResultBuildsTheSameEvent() =>
        Assert.Equal(
            EventHash.ComputeId(LabResultEvent.Build(LabSamples.Measured(), LabSamples.LabWithGln)),
            EventHash.ComputeId(LabResultEvent.Build(LabSamples.Measured(), LabSamples.LabWithGln)));

    [Fact]
    public void ADifferentMeasuredValueIsADifferentEvent() =>
        Assert.NotEqual(
            EventHash.ComputeId(LabResultEvent.Build(LabSamples.Measured(), LabSamples.LabWithGln)),
            EventHash.ComputeId(LabResultEvent.Build(LabSamples.Measured() with { Result = new ResultInput(Value: 0.013m, Unit: "mg/kg") }, LabSamples.LabWithGln)));

    [Fact]
    public void TheTypedViewSeesTheInspectionAndItsDisposition()
    {
        var view = EpcisEvent.FromJson(LabResultEvent.Build(LabSamples.MeasuredFail(), LabSamples.LabWithGln));

        Assert.Equal(Cbv.Namespace + "BizStep-inspecting", view.BizStep);
        Assert.Equal(Cbv.Namespace + "Disp-non_conformant", view.Disposition);
        Assert.Equal(Cbv.Namespace + "BTT-testres", Assert.Single(view.BizTransactions).Type);
    }
}
