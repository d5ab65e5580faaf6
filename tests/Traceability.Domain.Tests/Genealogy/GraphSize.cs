using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class GraphSize
{
    [Fact]
    public void CountsNodesEdgesAndEvents()
    {
        using var graph = RecallScenario.Build();

        // 13 events; nodes: lots X Y W O Z, 3 containers, parties 1 3 6 7 and locations 1 to 6.
        Assert.Equal((18, 13), (graph.NodeCount, graph.EventCount));
        Assert.Equal(24, graph.EdgeCount);
    }

    [Fact]
    public void EstimatedMemoryCoversTheEdgesKeysAndEventIds()
    {
        using var graph = new LotGraph();
        for (var i = 0; i < 10_000; i++) graph.Add(EventId($"cook {i}"), Transform([Lot($"A{i}")], [Lot($"B{i}")]));

        // At least two 8-byte halves per edge, a 32-byte digest per event and a string per key; at most a few
        // times that once array headers, dictionary entries and growth slack are counted.
        var floor = 16 * graph.EdgeCount + 32L * graph.EventCount + 40L * graph.NodeCount;
        Assert.InRange(graph.EstimatedBytes, floor, 8 * floor);
    }
}
