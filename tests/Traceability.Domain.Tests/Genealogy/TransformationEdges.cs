using Traceability.Domain.Genealogy;
using Traceability.Domain.Gs1;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class TransformationEdges
{
    [Fact]
    public void EveryInputIsLinkedToEveryOutputByTheEvent()
    {
        using var graph = Graph(("mix", Transform([Lot("A"), Lot("B")], [Lot("X"), Lot("Y")])));

        var trace = graph.Trace(LotKey("A"), TraceDirection.Forward);

        Assert.Equal([LotKey("X"), LotKey("Y")], trace.Lots.Order());
        Assert.All(trace.Edges, e => Assert.Equal((EdgeKind.Transformation, EventId("mix")), (e.Kind, e.EventId)));
        Assert.Equal(4, graph.EdgeCount);
    }

    [Fact]
    public void LotUrnsAndDigitalLinksNameTheSameNode()
    {
        var urn = EpcUrn.FromDigitalLink(DigitalLink.Parse(Lot("A")), companyPrefixLength: 7);
        using var graph = Graph(
            ("first", Transform([urn], [Lot("X")])),
            ("second", Transform([Lot("X")], [Lot("Z")])));

        var trace = graph.Trace(LotKey("A"), TraceDirection.Forward);

        Assert.StartsWith("urn:epc:class:lgtin:", urn);
        Assert.Equal([LotKey("X"), LotKey("Z")], trace.Lots);
    }

    [Fact]
    public void SerialisedItemNamingItsLotCountsAsTheLot()
    {
        using var graph = Graph(("cook", Transform([$"https://id.gs1.org/01/{SampleGtin}/10/A/21/S9"], [Lot("X")])));

        Assert.True(graph.Contains(LotKey("A")));
        Assert.Equal([LotKey("X")], graph.Trace(LotKey("A"), TraceDirection.Forward).Lots);
    }

    [Fact]
    public void SerialisedItemWithoutItsLotKeepsItsItemKey()
    {
        var sgtin = EpcUrn.FromDigitalLink(DigitalLink.Parse($"https://id.gs1.org/01/{SampleGtin}/21/S9"), companyPrefixLength: 7);
        using var graph = Graph(("cook", Transform([sgtin], [Lot("X")])));

        var trace = graph.Trace(LotKey("X"), TraceDirection.Backward);

        Assert.Equal([$"/01/{SampleGtin}/21/S9"], trace.Lots);
    }

    [Fact]
    public void AnOutputListedAsItsOwnInputAddsNoSelfLoop()
    {
        using var graph = Graph(("topup", Transform([Lot("A"), Lot("B")], [Lot("A")])));

        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal([LotKey("A")], graph.Trace(LotKey("B"), TraceDirection.Forward).Lots);
    }
}
