using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class CyclicGenealogy
{
    [Fact]
    public void AReworkLoopIsWalkedOnceInEachDirection()
    {
        // Rework: B is made from A, C from B, and part of C goes back into A.
        using var graph = Graph(
            ("1", Transform([Lot("A")], [Lot("B")])),
            ("2", Transform([Lot("B")], [Lot("C")])),
            ("3", Transform([Lot("C")], [Lot("A")])));

        var forward = graph.Trace(LotKey("A"), TraceDirection.Forward);
        var backward = graph.Trace(LotKey("A"), TraceDirection.Backward);

        Assert.Equal([LotKey("B"), LotKey("C")], forward.Lots);
        Assert.Equal([LotKey("C"), LotKey("B")], backward.Lots);
        Assert.Equal(3, forward.Edges.Count);
        Assert.Equal(3, backward.Edges.Count);
    }
}
