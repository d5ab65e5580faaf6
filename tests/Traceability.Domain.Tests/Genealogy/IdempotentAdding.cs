using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class IdempotentAdding
{
    [Fact]
    public void AddingAnEventIdAgainChangesNothing()
    {
        using var graph = new LotGraph();
        var cook = Transform([Lot("A"), Lot("B")], [Lot("X")]);

        var first = graph.Add(EventId("cook"), cook);
        var again = graph.Add(EventId("cook"), cook);
        var sameIdOtherContent = graph.Add(EventId("cook"), Transform([Lot("C")], [Lot("X")]));

        Assert.Equal((true, false, false), (first, again, sameIdOtherContent));
        Assert.Equal((3, 2L, 1), (graph.NodeCount, graph.EdgeCount, graph.EventCount));
    }

    [Fact]
    public void AnotherEventWithTheSameEdgesIsRecordedBesideIt()
    {
        using var graph = new LotGraph();

        graph.Add(EventId("ship"), Ship([Lot("A")], [Party(1)]));
        graph.Add(EventId("ship again"), Ship([Lot("A")], [Party(1)]));

        var events = graph.Trace(LotKey("A"), TraceDirection.Forward).Edges.Select(e => e.EventId);
        Assert.Equal(new[] { EventId("ship"), EventId("ship again") }.Order(StringComparer.Ordinal), events.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnIdentifierRepeatedInOneEventGivesOneEdge()
    {
        using var graph = new LotGraph();

        graph.Add(EventId("cook"), Transform([Lot("A"), $"https://example.org/dl/01/{SampleGtin}/10/A"], [Lot("X"), Lot("X")]));

        Assert.Equal(1, graph.EdgeCount);
    }
}
