using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class OriginEdges
{
    [Fact]
    public void CommissioningLinksTheSiteToTheNewLot()
    {
        using var graph = Graph(("harvest", Commission(Location(1), Lot("A"))));

        var trace = graph.Trace(LotKey("A"), TraceDirection.Backward);

        Assert.Equal([(LocationKey(1), LotKey("A"), EdgeKind.Origin)], trace.Edges.Select(Edge));
        Assert.Equal([LocationKey(1)], trace.Parties);
    }

    [Fact]
    public void TransformationLinksItsSiteToItsOutputsOnly()
    {
        using var graph = Graph(("cook", Transform([Lot("A")], [Lot("X")], Location(5))));

        Assert.Equal([LocationKey(5)], graph.Trace(LotKey("X"), TraceDirection.Backward).Parties);
        Assert.Empty(graph.Trace(LotKey("A"), TraceDirection.Backward).Parties);
    }

    [Fact]
    public void ObservingAtASiteIsNoOrigin()
    {
        using var graph = new LotGraph();

        var added = graph.Add(EventId("store"), Commission(Location(1), Lot("A")) with { Action = "OBSERVE", BizStep = "storing" });

        Assert.False(added);
        Assert.False(graph.Contains(LotKey("A")));
    }
}
