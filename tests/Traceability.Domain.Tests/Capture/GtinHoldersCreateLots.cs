using Traceability.Domain.Capture;
using static Traceability.Domain.Tests.Capture.Decisions;

namespace Traceability.Domain.Tests.Capture;

/// <summary>Only the holder of a GTIN (or its licensee) creates lots of it; open GTINs are anyone's to use.</summary>
public class GtinHoldersCreateLots
{
    private const string HeldLot = "https://id.gs1.org/01/09506000134352/10/LSF-20270101"; // under org-producer's prefix 950600
    private const string OpenLot = "https://id.gs1.org/01/04012345123456/10/A1";

    [Fact]
    public void TheHolderCommissionsALotOfItsGtin()
    {
        var plan = Decide(Producer, [], Event(ObjectEvent(HeldLot, "ADD", "commissioning")));

        var lot = Assert.Single(plan.LotUpdates);
        Assert.Equal("org-producer", lot.HolderOrgId);
        Assert.Equal(["org-producer"], lot.Custodians);
    }

    [Fact]
    public void AnotherOrganisationMayNotCreateALotOfIt()
    {
        var refusal = Assert.Throws<TraceError>(() => Decide(OtherProducer, [], Event(ObjectEvent(HeldLot, "ADD", "commissioning"))));

        Assert.Equal(ErrorKind.Forbidden, refusal.Kind);
        Assert.Equal("not-gtin-holder", refusal.Code);
        Assert.Equal("$.quantityList[0].epcClass", refusal.Errors[0].Path);
    }

    [Fact]
    public void NorByATransformation()
    {
        var transformation = Event("""
            { "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
              "type": "TransformationEvent", "eventTime": "2026-11-20T10:00:00Z", "eventTimeZoneOffset": "+08:00",
              "inputQuantityList": [{ "epcClass": "https://id.gs1.org/01/04012345123456/10/IN" }],
              "outputQuantityList": [{ "epcClass": "https://id.gs1.org/01/09506000134352/10/OUT" }] }
            """);

        Assert.Equal("not-gtin-holder", Assert.Throws<TraceError>(() => Decide(OtherProducer, [], transformation)).Code);
    }

    [Fact]
    public void ALicenseeMay()
    {
        var evt = Event(ObjectEvent(HeldLot, "ADD", "commissioning"));
        var rights = new Dictionary<string, Domain.Trust.GtinRights>
        {
            ["09506000134352"] = new("09506000134352", "org-producer", true, new HashSet<string> { "org-farm" }),
        };
        var facts = new CaptureFacts(OtherProducer, new Dictionary<string, Domain.Custody.LotState>(), new Dictionary<string, IReadOnlyList<string>>(),
            new Dictionary<string, StoredEventFacts>(), rights, _ => null);

        var plan = CaptureDecider.Decide(facts, [evt], ErrorBehaviour.Rollback);

        Assert.Equal("org-farm", Assert.Single(plan.LotUpdates).HolderOrgId);
    }

    [Fact]
    public void AGtinNobodyHoldsIsOpen()
    {
        var plan = Decide(OtherProducer, [], Event(ObjectEvent(OpenLot, "ADD", "commissioning")));

        Assert.Equal("org-farm", Assert.Single(plan.LotUpdates).HolderOrgId);
    }
}
