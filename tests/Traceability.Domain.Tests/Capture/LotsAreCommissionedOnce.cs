using static Traceability.Domain.Tests.Capture.Decisions;

namespace Traceability.Domain.Tests.Capture;

public class LotsAreCommissionedOnce
{
    private const string Lot = "https://id.gs1.org/01/09506000134352/10/LSF-20261112";
    private const string Key = "/01/09506000134352/10/LSF-20261112";

    [Fact]
    public void ARetailerCannotCommissionAProducersLotBackdated()
    {
        var refusal = Assert.Throws<TraceError>(() =>
            Decide(Retailer, [Decisions.Lot(Key, "org-producer")], Event(ObjectEvent(Lot, "ADD", "commissioning", time: "2020-01-01T00:00:00Z"))));

        Assert.Equal(ErrorKind.Conflict, refusal.Kind);
        Assert.Equal("lot-exists", refusal.Code);
    }

    [Fact]
    public void NorCanItsCreatorCommissionItAgain() =>
        Assert.Equal("lot-exists", Assert.Throws<TraceError>(() =>
            Decide(Producer, [Decisions.Lot(Key, "org-producer")], Event(ObjectEvent(Lot, "ADD", "commissioning", time: "2026-11-21T00:00:00Z")))).Code);

    [Fact]
    public void TwoCommissioningsInOneDocumentAreRefusedTogether()
    {
        var first = Event(ObjectEvent(Lot, "ADD", "commissioning"), 0);
        var second = Event(ObjectEvent(Lot, "ADD", "commissioning", time: "2026-11-21T00:00:00Z"), 1);

        Assert.Equal("lot-exists", Assert.Throws<TraceError>(() => Decide(Producer, [], first, second)).Code);
    }

    [Fact]
    public void WithProceedTheSecondIsRefusedAlone()
    {
        var first = Event(ObjectEvent(Lot, "ADD", "commissioning"), 0);
        var second = Event(ObjectEvent(Lot, "ADD", "commissioning", time: "2026-11-21T00:00:00Z"), 1);

        var plan = Decide(Producer, [], new Dictionary<string, Domain.Capture.StoredEventFacts>(), [first, second], Domain.Capture.ErrorBehaviour.Proceed);

        Assert.Single(plan.Accepted);
        Assert.Equal(1, Assert.Single(plan.Refusals).Index);
    }
}
