using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class TraceLimits
{
    private static LotGraph Chain(int length) =>
        Graph([.. Enumerable.Range(0, length).Select(i => ($"step {i}", Transform([Lot($"L{i}")], [Lot($"L{i + 1}")])))]);

    [Fact]
    public void StopsAtTheNodeLimitAndSaysSo()
    {
        using var graph = Chain(10);

        var trace = graph.Trace(LotKey("L0"), TraceDirection.Forward, maxNodes: 3);

        Assert.True(trace.Truncated);
        Assert.Equal([LotKey("L1"), LotKey("L2")], trace.Lots);
        Assert.Equal(2, trace.Edges.Count);
    }

    [Fact]
    public void IsNotTruncatedWhenEverythingFits()
    {
        using var graph = Chain(10);

        var trace = graph.Trace(LotKey("L0"), TraceDirection.Forward, maxNodes: 11);

        Assert.False(trace.Truncated);
        Assert.Equal(10, trace.Lots.Count);
    }

    [Fact]
    public void AnUnknownRootGivesAnEmptyTrace()
    {
        using var graph = Chain(2);

        var trace = graph.Trace(LotKey("nope"), TraceDirection.Both);

        Assert.Equal(TraceResult.Empty(LotKey("nope")).Root, trace.Root);
        Assert.Empty(trace.Lots);
        Assert.Empty(trace.Edges);
        Assert.False(trace.Truncated);
    }

    [Fact]
    public void RejectsANodeLimitBelowOne()
    {
        using var graph = Chain(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => graph.Trace(LotKey("L0"), TraceDirection.Forward, maxNodes: 0));
    }
}
