using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class IgnoredEvents
{
    public static TheoryData<string, GenealogyEvent> EventsWithoutGenealogy => new()
    {
        { "error declaration", Transform([Lot("A")], [Lot("X")]) with { HasErrorDeclaration = true } },
        { "association", new GenealogyEvent(EventType.AssociationEvent) { Action = "ADD", ParentId = Container(1), Children = [Lot("A")] } },
        { "routine observation", new GenealogyEvent(EventType.ObjectEvent) { Action = "OBSERVE", BizStep = "storing", Objects = [Lot("A")], BizLocation = Location(1) } },
        { "shipping to nobody", Ship([Lot("A")], []) },
    };

    [Theory]
    [MemberData(nameof(EventsWithoutGenealogy))]
    public void AddNoEdgesAndNoEvent(string what, GenealogyEvent evt)
    {
        using var graph = new LotGraph();

        var added = graph.Add(EventId(what), evt);

        Assert.False(added);
        Assert.Equal((0, 0L, 0), (graph.NodeCount, graph.EdgeCount, graph.EventCount));
        Assert.False(graph.ContainsEvent(EventId(what)));
    }
}
