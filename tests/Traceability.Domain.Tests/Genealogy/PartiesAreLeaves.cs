using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class PartiesAreLeaves
{
    [Fact]
    public void TwoLotsShippedToOnePartyDoNotReachEachOther()
    {
        using var graph = Graph(
            ("ship A", Ship([Lot("A")], [Party(9)])),
            ("ship B", Ship([Lot("B")], [Party(9)])),
            ("ship B on", Ship([Lot("B")], [Party(8)], Party(9))));

        var trace = graph.Trace(LotKey("A"), TraceDirection.Both);

        Assert.Empty(trace.Lots);
        Assert.Equal([PartyKey(9)], trace.Parties);
    }

    [Fact]
    public void APartyAsRootIsExpandedOnce()
    {
        using var graph = Graph(
            ("ship A", Ship([Lot("A")], [Party(9)])),
            ("cook A", Transform([Lot("A")], [Lot("X")])),
            ("ship B", Ship([Lot("B")], [Party(9)])));

        var trace = graph.Trace(PartyKey(9), TraceDirection.Backward);

        Assert.Equal([LotKey("A"), LotKey("B")], trace.Lots.Order(StringComparer.Ordinal));
        Assert.Equal(PartyKey(9), trace.Root);
    }
}
