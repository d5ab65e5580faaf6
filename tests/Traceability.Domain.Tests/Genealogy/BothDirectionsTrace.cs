using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class BothDirectionsTrace
{
    [Fact]
    public void IsTheUnionOfTheForwardAndBackwardTraces()
    {
        using var graph = RecallScenario.Build();

        var both = graph.Trace(LotKey("O"), TraceDirection.Both);
        var forward = graph.Trace(LotKey("O"), TraceDirection.Forward);
        var backward = graph.Trace(LotKey("O"), TraceDirection.Backward);

        Assert.Equal(forward.Lots.Union(backward.Lots).Order(), both.Lots.Order());
        Assert.Equal(forward.Parties.Union(backward.Parties).Order(), both.Parties.Order());
        Assert.Equal(forward.Edges.Union(backward.Edges).Count(), both.Edges.Count);
    }

    [Fact]
    public void DoesNotWanderIntoSiblingsThroughASharedInput()
    {
        using var graph = Graph(("split", Transform([Lot("A")], [Lot("X"), Lot("Y")])));

        var both = graph.Trace(LotKey("X"), TraceDirection.Both);

        Assert.Equal([LotKey("A")], both.Lots);
    }

    [Fact]
    public void ReportsAnEdgeOnACycleThroughTheRootOnce()
    {
        using var graph = Graph(("there", Transform([Lot("A")], [Lot("B")])), ("back", Transform([Lot("B")], [Lot("A")])));

        var both = graph.Trace(LotKey("A"), TraceDirection.Both);

        Assert.Equal(2, both.Edges.Count);
        Assert.Equal([LotKey("B")], both.Lots);
    }
}
