using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class AggregationEdges
{
    [Fact]
    public void PackingIsStoredParentToChild()
    {
        using var graph = Graph(("pack", Pack(Container(1), Lot("A"), Container(2))));

        var trace = graph.Trace(ContainerKey(1), TraceDirection.Backward);

        Assert.Equal(
            [(ContainerKey(1), ContainerKey(2), EdgeKind.Aggregation), (ContainerKey(1), LotKey("A"), EdgeKind.Aggregation)],
            trace.Edges.Select(Edge).Order());
    }

    [Fact]
    public void ObservedAggregationAlsoLinksParentAndChildren()
    {
        using var graph = Graph(("seen", Pack(Container(1), Lot("A")) with { Action = "OBSERVE", BizStep = "stocking" }));

        Assert.Equal([ContainerKey(1)], graph.Trace(LotKey("A"), TraceDirection.Forward).Lots);
    }

    [Fact]
    public void UnpackingAddsNothingAndKeepsThePackingHistory()
    {
        using var graph = Graph(("pack", Pack(Container(1), Lot("A"))));

        var added = graph.Add(EventId("unpack"), Pack(Container(1), Lot("A")) with { Action = "DELETE", BizStep = "unpacking" });

        Assert.False(added);
        Assert.Equal([LotKey("A")], graph.Trace(ContainerKey(1), TraceDirection.Backward).Lots);
    }

    [Fact]
    public void AggregationWithoutParentAddsNothing()
    {
        using var graph = new LotGraph();

        var added = graph.Add(EventId("observe"), new GenealogyEvent(EventType.AggregationEvent) { Action = "OBSERVE", Children = [Lot("A")] });

        Assert.False(added);
        Assert.Equal(0, graph.EdgeCount);
    }
}
