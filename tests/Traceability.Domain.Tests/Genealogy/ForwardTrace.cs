using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class ForwardTrace
{
    private static TraceResult FromRawLotX()
    {
        using var graph = RecallScenario.Build();
        return graph.Trace(LotKey("X"), TraceDirection.Forward);
    }

    [Fact]
    public void ReachesTheOutputsAndEveryContainerHoldingThemNearestFirst() =>
        Assert.Equal([LotKey("O"), RecallScenario.Case, RecallScenario.Pallet], FromRawLotX().Lots);

    [Fact]
    public void ReachesEveryPartyTheLotOrItsContainersWentTo() =>
        Assert.Equal([LocationKey(3), LocationKey(6), PartyKey(3), PartyKey(6), PartyKey(7)], FromRawLotX().Parties.Order(StringComparer.Ordinal));

    [Fact]
    public void LeavesOutCoInputsAndWhatSharedAPalletWithIt()
    {
        var trace = FromRawLotX();

        Assert.DoesNotContain(LotKey("Y"), trace.Lots);
        Assert.DoesNotContain(LotKey("Z"), trace.Lots);
        Assert.DoesNotContain(RecallScenario.OtherCase, trace.Lots);
    }

    [Fact]
    public void LeavesOutWhereTheLotCameFrom()
    {
        var trace = FromRawLotX();

        Assert.DoesNotContain(PartyKey(1), trace.Parties);
        Assert.DoesNotContain(LocationKey(1), trace.Parties);
    }

    [Fact]
    public void ReportsEachCrossedEdgeAsStoredWithItsEvent()
    {
        var edges = FromRawLotX().Edges;

        Assert.Contains(new TraceEdge(LotKey("X"), LotKey("O"), EdgeKind.Transformation, EventId("cook")), edges);
        Assert.Contains(new TraceEdge(RecallScenario.Case, LotKey("O"), EdgeKind.Aggregation, EventId("pack O")), edges);
        Assert.Contains(new TraceEdge(RecallScenario.Pallet, RecallScenario.Case, EdgeKind.Aggregation, EventId("palletise")), edges);
        Assert.Contains(new TraceEdge(RecallScenario.Case, PartyKey(7), EdgeKind.Shipping, EventId("ship case")), edges);
        Assert.Equal(edges.Count, edges.Distinct().Count());
    }

    [Fact]
    public void FromAPalletGoesWhereItWentNotIntoItsContents()
    {
        using var graph = RecallScenario.Build();

        var trace = graph.Trace(RecallScenario.Pallet, TraceDirection.Forward);

        Assert.Empty(trace.Lots);
        Assert.Equal([LocationKey(6), PartyKey(6)], trace.Parties.Order(StringComparer.Ordinal));
    }
}
