using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class ShippingAndReceivingEdges
{
    [Fact]
    public void ShippingLinksTheObjectToEveryDestination()
    {
        using var graph = Graph(("ship", Ship([Lot("A")], [Party(2), Location(2)], Party(1))));

        var trace = graph.Trace(LotKey("A"), TraceDirection.Forward);

        Assert.Equal([LocationKey(2), PartyKey(2)], trace.Parties.Order(StringComparer.Ordinal));
        Assert.Equal(
            [(LotKey("A"), LocationKey(2), EdgeKind.Shipping), (LotKey("A"), PartyKey(2), EdgeKind.Shipping)],
            trace.Edges.Select(Edge).Order());
    }

    [Fact]
    public void ShippingLinksEverySourceToTheObject()
    {
        using var graph = Graph(("ship", Ship([Lot("A")], [Party(2)], Party(1))));

        var trace = graph.Trace(LotKey("A"), TraceDirection.Backward);

        Assert.Equal([PartyKey(1)], trace.Parties);
        Assert.Equal([(PartyKey(1), LotKey("A"), EdgeKind.Shipping)], trace.Edges.Select(Edge));
    }

    [Fact]
    public void ReceivingLinksTheObjectToWhereItWasReceived()
    {
        using var graph = Graph(("receive", Receive([Container(1)], Location(3), Party(2))));

        var forward = graph.Trace(ContainerKey(1), TraceDirection.Forward);
        var backward = graph.Trace(ContainerKey(1), TraceDirection.Backward);

        Assert.Equal([(ContainerKey(1), LocationKey(3), EdgeKind.Receiving)], forward.Edges.Select(Edge));
        Assert.Equal([(PartyKey(2), ContainerKey(1), EdgeKind.Receiving)], backward.Edges.Select(Edge));
    }

    [Fact]
    public void DepartingCountsAsShippingAndArrivingAsReceiving()
    {
        using var graph = Graph(
            ("depart", Ship([Lot("A")], [Party(2)]) with { BizStep = "departing" }),
            ("arrive", Receive([Lot("A")], Location(2)) with { BizStep = "arriving" }));

        var kinds = graph.Trace(LotKey("A"), TraceDirection.Forward).Edges.Select(e => e.Kind).Order();

        Assert.Equal([EdgeKind.Shipping, EdgeKind.Receiving], kinds);
    }

    [Fact]
    public void AShippedPalletCarriesItsParentNotItsChildrenToTheParty()
    {
        var shipPallet = Pack(Container(1), Container(2)) with { Action = "OBSERVE", BizStep = "shipping", Destinations = [Party(2)] };
        using var graph = Graph(("ship", shipPallet));

        var edges = graph.Trace(ContainerKey(2), TraceDirection.Forward).Edges.Select(Edge).ToList();

        Assert.Contains((ContainerKey(1), PartyKey(2), EdgeKind.Shipping), edges);
        Assert.DoesNotContain((ContainerKey(2), PartyKey(2), EdgeKind.Shipping), edges);
    }

    [Fact]
    public void PartiesThatAreNotGs1KeysAreStillParties()
    {
        using var graph = Graph(("ship", Ship([Lot("A")], ["urn:example:party:acme"])));

        var trace = graph.Trace(LotKey("A"), TraceDirection.Forward);

        Assert.Equal(["urn:example:party:acme"], trace.Parties);
        Assert.Empty(trace.Lots);
    }
}
