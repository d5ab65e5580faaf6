using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

/// <summary>An event declared in error (EPCIS errorDeclaration) no longer links lots in either direction.</summary>
public class RetractedEvents
{
    [Fact]
    public void AWrongTransformationNoLongerCarriesARecallForward()
    {
        using var graph = Graph(
            ("wrong", Transform([Lot("RICE")], [Lot("NOODLE")])),
            ("right", Transform([Lot("RICE")], [Lot("CONGEE")])));

        Assert.True(graph.Retract(EventId("wrong")));

        Assert.Equal([LotKey("CONGEE")], graph.Trace(LotKey("RICE"), TraceDirection.Forward).Lots);
        Assert.Empty(graph.Trace(LotKey("NOODLE"), TraceDirection.Backward).Lots);
        Assert.DoesNotContain(graph.Trace(LotKey("RICE"), TraceDirection.Both).Edges, e => e.EventId == EventId("wrong"));
    }

    [Fact]
    public void RetractingIsIdempotentAndAddingARetractedEventAgainAddsNothing()
    {
        using var graph = Graph(("pack", Pack(Container(1), Lot("A"))));

        Assert.True(graph.Retract(EventId("pack")));
        Assert.False(graph.Retract(EventId("pack")));
        Assert.False(graph.Add(EventId("pack"), Pack(Container(1), Lot("A"))));
        Assert.Empty(graph.Trace(LotKey("A"), TraceDirection.Forward).Lots);
    }

    [Fact]
    public void AnEventRetractedBeforeItIsAddedNeverLinksLots()
    {
        // The index loading from the store can meet an event's old JSON after its declaration was captured.
        using var graph = new LotGraph();

        Assert.True(graph.Retract(EventId("ship")));
        Assert.False(graph.Add(EventId("ship"), Transform([Lot("A")], [Lot("B")])));

        Assert.False(graph.Contains(LotKey("B")));
        Assert.Empty(graph.Trace(LotKey("A"), TraceDirection.Forward).Lots);
    }
}
