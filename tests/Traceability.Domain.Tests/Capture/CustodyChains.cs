using static Traceability.Domain.Tests.Capture.Decisions;

namespace Traceability.Domain.Tests.Capture;

public class CustodyChains
{
    private const string Lot = "https://id.gs1.org/01/09506000134352/10/LSF-20261112";
    private const string Key = "/01/09506000134352/10/LSF-20261112";

    private static string Shipping(string toGln) => $$"""
        { "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
          "type": "ObjectEvent", "eventTime": "2026-11-20T10:00:00Z", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
          "quantityList": [{ "epcClass": "{{Lot}}" }], "bizStep": "shipping",
          "destinationList": [{ "type": "owning_party", "destination": "https://id.gs1.org/417/{{toGln}}" }] }
        """;

    [Fact]
    public void AReceiptThatWasShippedHandsCustodyOverAndJoinsTheChain()
    {
        var shipped = Decide(Producer, [Decisions.Lot(Key, "org-producer")], Event(Shipping(Retailer.Gln!)));
        var pending = Assert.Single(shipped.LotUpdates);
        Assert.Equal("org-shop", pending.PendingReceiverOrgId);

        var received = Decide(Retailer, [pending], Event(ObjectEvent(Lot, bizStep: "receiving")));

        var lot = Assert.Single(received.LotUpdates);
        Assert.Equal("org-shop", lot.HolderOrgId);
        Assert.Equal(["org-producer", "org-shop"], lot.Custodians);
        Assert.False(Assert.Single(received.Accepted).Unconfirmed);
    }

    [Fact]
    public void AReceiptNobodyShippedIsUnconfirmedAndChangesNothing()
    {
        var plan = Decide(Retailer, [Decisions.Lot(Key, "org-producer")], Event(ObjectEvent(Lot, bizStep: "receiving")));

        var accepted = Assert.Single(plan.Accepted);
        Assert.True(accepted.Unconfirmed);
        Assert.Equal(Domain.Trust.EventStanding.ThirdParty, accepted.Standing);
        Assert.Empty(plan.LotUpdates);
    }

    [Fact]
    public void OnlyTheHolderShips()
    {
        var refusal = Assert.Throws<TraceError>(() => Decide(Retailer, [Decisions.Lot(Key, "org-producer")], Event(Shipping(Retailer.Gln!))));

        Assert.Equal("custody", refusal.Code);
    }
}
