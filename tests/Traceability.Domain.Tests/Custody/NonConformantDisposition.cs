using System.Text.Json.Nodes;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Tests.Custody;

public class NonConformantDisposition
{
    private static LotEffects Effects(string json) => CustodyRules.EffectsOf(EpcisEvent.FromJson(JsonNode.Parse(json)!.AsObject()));

    [Fact]
    public void AnObjectEventMarksTheLotsItIsAbout()
    {
        var effects = Effects("""
            { "type": "ObjectEvent", "eventTime": "2026-07-22T06:45:00Z", "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
              "quantityList": [{ "epcClass": "urn:epc:class:lgtin:4012345.012345.998877" }],
              "bizStep": "https://ref.gs1.org/cbv/BizStep-inspecting", "disposition": "non_conformant" }
            """);

        Assert.Equal(["/01/04012345123456/10/998877"], effects.NonConformant);
    }

    [Fact]
    public void ATransformationMarksItsOutputsNotItsInputs()
    {
        var effects = Effects("""
            { "type": "TransformationEvent", "eventTime": "2026-07-22T06:45:00Z", "eventTimeZoneOffset": "+00:00",
              "inputQuantityList": [{ "epcClass": "https://id.gs1.org/01/09506000134352/10/IN" }],
              "outputQuantityList": [{ "epcClass": "https://id.gs1.org/01/09506000134352/10/OUT" }],
              "disposition": "non_conformant" }
            """);

        Assert.Equal(["/01/09506000134352/10/OUT"], effects.NonConformant);
    }

    [Fact]
    public void OtherDispositionsMarkNothing()
    {
        var effects = Effects("""
            { "type": "ObjectEvent", "eventTime": "2026-07-22T06:45:00Z", "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
              "quantityList": [{ "epcClass": "https://id.gs1.org/01/09506000134352/10/A-1" }], "disposition": "conformant" }
            """);

        Assert.Empty(effects.NonConformant);
    }

    [Fact]
    public void ALotCreatedNonConformantIsStoredSo()
    {
        var effects = Effects("""
            { "type": "ObjectEvent", "eventTime": "2026-07-22T06:45:00Z", "eventTimeZoneOffset": "+00:00", "action": "ADD",
              "quantityList": [{ "epcClass": "https://id.gs1.org/01/09506000134352/10/NEW" }], "disposition": "non_conformant" }
            """);

        Assert.Equal(["/01/09506000134352/10/NEW"], effects.Created);
        var plan = Tests.Capture.Decisions.Decide(Tests.Capture.Decisions.Producer, [], Tests.Capture.Decisions.Event(
            Tests.Capture.Decisions.ObjectEvent("https://id.gs1.org/01/09506000134352/10/NEW", "ADD", disposition: "non_conformant")));

        var lot = Assert.Single(plan.LotUpdates);
        Assert.True(lot.NonConformant);
        Assert.Equal("org-producer", lot.HolderOrgId);
    }
}
