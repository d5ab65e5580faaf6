using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class FailedLabResultCustody
{
    private const string LotKey = "/01/09506000134352/10/A-1";

    private static readonly LotState HeldByProducer = new(LotKey, "09506000134352", "A-1", "org-producer", null, false, "ev-1", "ev-1");

    private static CustodyOutcome ApplyByLab(LabResultRequest request, LotState lot) =>
        CustodyRules.Apply(
            CustodyRules.EffectsOf(EpcisEvent.FromJson(LabResultEvent.Build(request, LabSamples.LabWithGln))),
            "ev-lab", "org-lab", new Dictionary<string, LotState> { [LotKey] = lot }, null, []);

    [Fact]
    public void AttributesTheEventToTheTestedLot()
    {
        var effects = CustodyRules.EffectsOf(EpcisEvent.FromJson(LabResultEvent.Build(LabSamples.Measured(), LabSamples.LabWithGln)));

        Assert.Equal([LotKey], effects.Mentioned);
        Assert.Empty(effects.ActedOn);
    }

    [Fact]
    public void AFailMarksTheLotNonConformantWithoutTheLabHoldingIt()
    {
        var outcome = ApplyByLab(LabSamples.MeasuredFail(), HeldByProducer);

        var lot = Assert.Single(outcome.Updates);
        Assert.True(lot.NonConformant);
        Assert.Equal("org-producer", lot.HolderOrgId);
        Assert.Equal("ev-lab", lot.LastEventId);
        Assert.False(outcome.External);
    }

    [Fact]
    public void APassLeavesTheLotConformant()
    {
        var lot = Assert.Single(ApplyByLab(LabSamples.Measured(), HeldByProducer).Updates);

        Assert.False(lot.NonConformant);
        Assert.Equal("ev-lab", lot.LastEventId);
    }

    [Fact]
    public void ALaterPassDoesNotClearAFail()
    {
        var lot = Assert.Single(ApplyByLab(LabSamples.Measured(), HeldByProducer with { NonConformant = true }).Updates);

        Assert.True(lot.NonConformant);
    }

    [Fact]
    public void AFailAboutAnUnknownLotChangesNothing()
    {
        var effects = CustodyRules.EffectsOf(EpcisEvent.FromJson(LabResultEvent.Build(LabSamples.MeasuredFail(), LabSamples.LabWithGln)));

        var outcome = CustodyRules.Apply(effects, "ev-lab", "org-lab", new Dictionary<string, LotState>(), null, []);

        Assert.Empty(outcome.Updates);
        Assert.True(outcome.External);
    }
}
