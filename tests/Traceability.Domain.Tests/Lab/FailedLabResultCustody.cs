using Traceability.Domain.Capture;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.JsonLd;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Lab;
using Traceability.Domain.Tests.Capture;
using Traceability.Domain.Trust;

namespace Traceability.Domain.Tests.Lab;

public class FailedLabResultCustody
{
    private const string LotKey = "/01/09506000134352/10/A-1";

    private static readonly LotState HeldByProducer = Decisions.Lot(LotKey, "org-producer");

    private static CapturedEvent LabEvent(LabResultRequest request) =>
        CapturedEvent.Read(0, LabResultEvent.Build(request, LabSamples.LabWithGln), EventScope.Standalone, null, Decisions.RecordTime);

    private static CapturePlan ApplyByLab(LabResultRequest request, LotState lot) =>
        Decisions.Decide(Decisions.Lab, [lot], LabEvent(request));

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
        var plan = ApplyByLab(LabSamples.MeasuredFail(), HeldByProducer);

        var lot = Assert.Single(plan.LotUpdates);
        Assert.True(lot.NonConformant);
        Assert.Equal([plan.Accepted[0].Event.EventId], lot.NonConformantBy);
        Assert.Equal("org-producer", lot.HolderOrgId);
        var accepted = Assert.Single(plan.Accepted);
        Assert.Equal(EventStanding.Inspector, accepted.Standing);
        Assert.False(accepted.External);
    }

    [Fact]
    public void APassLeavesTheLotConformant()
    {
        var lot = Assert.Single(ApplyByLab(LabSamples.Measured(), HeldByProducer).LotUpdates);

        Assert.False(lot.NonConformant);
    }

    [Fact]
    public void ALaterPassDoesNotClearAFail()
    {
        var lot = Assert.Single(ApplyByLab(LabSamples.Measured(), HeldByProducer with { NonConformant = true, NonConformantBy = ["ev-fail"] }).LotUpdates);

        Assert.True(lot.NonConformant);
        Assert.Equal(["ev-fail"], lot.NonConformantBy);
    }

    [Fact]
    public void AFailAboutAnUnknownLotChangesNothing()
    {
        var plan = Decisions.Decide(Decisions.Lab, [], LabEvent(LabSamples.MeasuredFail()));

        Assert.Empty(plan.LotUpdates);
        Assert.True(Assert.Single(plan.Accepted).External);
    }
}
