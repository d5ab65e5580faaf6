using Traceability.Domain.Trust;
using static Traceability.Domain.Tests.Capture.Decisions;

namespace Traceability.Domain.Tests.Capture;

/// <summary>Who stands on what an event says about a lot: only the custody chain, labs inspecting and regulators shape it.</summary>
public class ThirdPartiesChangeNoLot
{
    private const string Lot = "https://id.gs1.org/01/09506000134352/10/LSF-20261112";
    private const string Key = "/01/09506000134352/10/LSF-20261112";
    private static readonly Domain.Custody.LotState Held = Decisions.Lot(Key, "org-producer");

    [Fact]
    public void ARetailersNonConformantObservationIsKeptAsItsOwnRecord()
    {
        var plan = Decide(Retailer, [Held], Event(ObjectEvent(Lot, bizStep: "inspecting", disposition: "non_conformant")));

        var accepted = Assert.Single(plan.Accepted);
        Assert.Equal(EventStanding.ThirdParty, accepted.Standing);
        Assert.Empty(plan.LotUpdates);
    }

    [Fact]
    public void TheHoldersOwnFindingMarksTheLot()
    {
        var plan = Decide(Producer, [Held], Event(ObjectEvent(Lot, bizStep: "inspecting", disposition: "non_conformant")));

        Assert.Equal(EventStanding.Custodian, Assert.Single(plan.Accepted).Standing);
        Assert.True(Assert.Single(plan.LotUpdates).NonConformant);
    }

    [Fact]
    public void ALabInspectingStands()
    {
        var plan = Decide(Decisions.Lab, [Held], Event(ObjectEvent(Lot, bizStep: "inspecting", disposition: "non_conformant")));

        Assert.Equal(EventStanding.Inspector, Assert.Single(plan.Accepted).Standing);
        Assert.True(Assert.Single(plan.LotUpdates).NonConformant);
    }

    [Fact]
    public void ALabNotInspectingDoesNot()
    {
        var plan = Decide(Decisions.Lab, [Held], Event(ObjectEvent(Lot, bizStep: "storing", disposition: "non_conformant")));

        Assert.Equal(EventStanding.ThirdParty, Assert.Single(plan.Accepted).Standing);
        Assert.Empty(plan.LotUpdates);
    }

    [Fact]
    public void ARegulatorStands()
    {
        var plan = Decide(Regulator, [Held], Event(ObjectEvent(Lot, disposition: "non_conformant")));

        Assert.Equal(EventStanding.Regulator, Assert.Single(plan.Accepted).Standing);
        Assert.True(Assert.Single(plan.LotUpdates).NonConformant);
    }

    [Fact]
    public void AnEarlierHolderStillStands()
    {
        var sold = Decisions.Lot(Key, "org-shop", "org-producer", "org-shop");

        var plan = Decide(Producer, [sold], Event(ObjectEvent(Lot, bizStep: "inspecting", disposition: "non_conformant")));

        Assert.Equal(EventStanding.Custodian, Assert.Single(plan.Accepted).Standing);
    }

    [Fact]
    public void AnEventAboutNoKnownLotIsExternal()
    {
        var plan = Decide(Retailer, [], Event(ObjectEvent("https://id.gs1.org/01/04012345123456/10/X", disposition: "non_conformant")));

        var accepted = Assert.Single(plan.Accepted);
        Assert.Equal(EventStanding.External, accepted.Standing);
        Assert.True(accepted.External);
    }
}
