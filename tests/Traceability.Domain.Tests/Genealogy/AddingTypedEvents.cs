using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class AddingTypedEvents
{
    [Fact]
    public void AValidatedEpcisEventAddsTheEdgesItsGenealogyFactsDo()
    {
        var json = JsonNode.Parse($$"""
            {
              "type": "ObjectEvent", "eventTime": "2026-07-22T06:45:00Z", "eventTimeZoneOffset": "+00:00",
              "action": "OBSERVE", "bizStep": "shipping",
              "quantityList": [{ "epcClass": "{{Lot("A")}}", "quantity": 20, "uom": "KGM" }],
              "sourceList": [{ "type": "owning_party", "source": "{{Party(1)}}" }],
              "destinationList": [{ "type": "owning_party", "destination": "{{Party(2)}}" }]
            }
            """)!.AsObject();
        using var typed = new LotGraph();
        using var facts = new LotGraph();

        typed.Add(EventId("ship"), EpcisEvent.FromJson(json));
        facts.Add(EventId("ship"), Ship([Lot("A")], [Party(2)], Party(1)));

        Assert.Equal(
            facts.Trace(LotKey("A"), TraceDirection.Both).Edges.Select(Edge).Order(),
            typed.Trace(LotKey("A"), TraceDirection.Both).Edges.Select(Edge).Order());
        Assert.Equal(2, typed.EdgeCount);
    }
}
