using Traceability.Domain.Capture;
using static Traceability.Domain.Tests.Capture.Decisions;

namespace Traceability.Domain.Tests.Capture;

public class DeclarationsLiftWhatTheyCaused
{
    private const string Lot = "https://id.gs1.org/01/09506000134352/10/LSF-20261112";
    private const string Key = "/01/09506000134352/10/LSF-20261112";

    private static CapturedEvent Declared(string json) => Event(json.TrimEnd().TrimEnd('}') +
        """, "errorDeclaration": { "declarationTime": "2026-11-21T00:00:00Z", "reason": "incorrect_data" } }""");

    [Fact]
    public void ARegulatorDeclaresAnyEventAndTheNonConformanceItCausedIsLifted()
    {
        var finding = Event(ObjectEvent(Lot, bizStep: "inspecting", disposition: "non_conformant"));
        var marked = Decisions.Lot(Key, "org-producer") with { NonConformant = true, NonConformantBy = [finding.EventId] };
        var stored = new Dictionary<string, StoredEventFacts> { [finding.EventId] = new(finding.EventId, "org-producer", false) };

        var plan = Decide(Regulator, [marked], stored, [Declared(ObjectEvent(Lot, bizStep: "inspecting", disposition: "non_conformant"))]);

        Assert.Equal(finding.EventId, Assert.Single(plan.Declarations).EventId);
        var lot = Assert.Single(plan.LotUpdates);
        Assert.False(lot.NonConformant);
        Assert.Empty(lot.NonConformantBy);
    }

    [Fact]
    public void AnotherFailureStillStands()
    {
        var finding = Event(ObjectEvent(Lot, bizStep: "inspecting", disposition: "non_conformant"));
        var marked = Decisions.Lot(Key, "org-producer") with { NonConformant = true, NonConformantBy = [finding.EventId, "ni:///other"] };
        var stored = new Dictionary<string, StoredEventFacts> { [finding.EventId] = new(finding.EventId, "org-producer", false) };

        var plan = Decide(Producer, [marked], stored, [Declared(ObjectEvent(Lot, bizStep: "inspecting", disposition: "non_conformant"))]);

        Assert.True(Assert.Single(plan.LotUpdates).NonConformant);
    }

    [Fact]
    public void OthersMayNotDeclareSomeoneElsesEvent()
    {
        var finding = Event(ObjectEvent(Lot, bizStep: "inspecting", disposition: "non_conformant"));
        var stored = new Dictionary<string, StoredEventFacts> { [finding.EventId] = new(finding.EventId, "org-producer", false) };

        var refusal = Assert.Throws<TraceError>(() =>
            Decide(Retailer, [Decisions.Lot(Key, "org-producer")], stored, [Declared(ObjectEvent(Lot, bizStep: "inspecting", disposition: "non_conformant"))]));

        Assert.Equal("not-your-event", refusal.Code);
    }

    [Fact]
    public void DeclaringASquattedCommissioningFreesTheLotKey()
    {
        var squat = Event(ObjectEvent(Lot, "ADD", "commissioning"));
        var lot = Decisions.Lot(Key, "org-farm") with { FirstEventId = squat.EventId, LastEventId = squat.EventId };
        var stored = new Dictionary<string, StoredEventFacts> { [squat.EventId] = new(squat.EventId, "org-farm", false) };

        var plan = Decide(Regulator, [lot], stored, [Declared(ObjectEvent(Lot, "ADD", "commissioning"))]);

        Assert.Equal([Key], plan.LotRemovals);
        Assert.Empty(plan.LotUpdates);
    }
}
