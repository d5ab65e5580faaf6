using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class BackwardTrace
{
    [Fact]
    public void FromAFinishedLotReachesItsRawInputsAndTheirProducers()
    {
        using var graph = RecallScenario.Build();

        var trace = graph.Trace(LotKey("O"), TraceDirection.Backward);

        Assert.Equal([LotKey("X"), LotKey("Y")], trace.Lots.Order());
        Assert.Equal([LocationKey(1), LocationKey(2), LocationKey(3), PartyKey(1)], trace.Parties.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FromALotLeavesOutTheContainersItWentInto()
    {
        using var graph = RecallScenario.Build();

        var trace = graph.Trace(LotKey("O"), TraceDirection.Backward);

        Assert.DoesNotContain(RecallScenario.Case, trace.Lots);
        Assert.DoesNotContain(PartyKey(6), trace.Parties);
    }

    [Fact]
    public void FromAPalletReachesItsContentsAndTheirWholeHistory()
    {
        using var graph = RecallScenario.Build();

        var trace = graph.Trace(RecallScenario.Pallet, TraceDirection.Backward);

        Assert.Equal(
            [RecallScenario.Case, RecallScenario.OtherCase, LotKey("O"), LotKey("W"), LotKey("X"), LotKey("Y"), LotKey("Z")],
            trace.Lots.Order(StringComparer.Ordinal));
        Assert.Contains(PartyKey(3), trace.Parties);
        Assert.DoesNotContain(PartyKey(7), trace.Parties);
    }

    [Fact]
    public void FromAPalletAlsoReachesWhoeverLaterShippedItsContents()
    {
        // The graph has no clock: a case's sources include the distributor that shipped it on after unpacking.
        using var graph = RecallScenario.Build();

        var trace = graph.Trace(RecallScenario.Pallet, TraceDirection.Backward);

        Assert.Contains((PartyKey(6), RecallScenario.Case, EdgeKind.Shipping), trace.Edges.Select(Edge));
    }

    [Fact]
    public void ReportsAggregationEdgesParentToChild()
    {
        using var graph = RecallScenario.Build();

        var edges = graph.Trace(RecallScenario.Pallet, TraceDirection.Backward).Edges.Select(Edge);

        Assert.Contains((RecallScenario.Pallet, RecallScenario.OtherCase, EdgeKind.Aggregation), edges);
    }
}
