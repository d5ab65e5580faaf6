using Traceability.Domain.Genealogy;
using Traceability.Domain.Gs1;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class IdentifierSpellings
{
    public static TheoryData<string> SpellingsOfLotA => new()
    {
        LotKey("A"),
        Lot("A"),
        $"https://resolver.example.org/dl/01/{SampleGtin}/10/A",
        EpcUrn.FromDigitalLink(DigitalLink.Parse(Lot("A")), companyPrefixLength: 7),
    };

    [Theory]
    [MemberData(nameof(SpellingsOfLotA))]
    public void AnySpellingFindsTheNodeUnderItsCanonicalPath(string spelling)
    {
        using var graph = Graph(("cook", Transform([Lot("A")], [Lot("X")])));

        var trace = graph.Trace(spelling, TraceDirection.Forward);

        Assert.True(graph.Contains(spelling));
        Assert.Equal(LotKey("A"), trace.Root);
        Assert.Equal([LotKey("X")], trace.Lots);
    }

    [Fact]
    public void ContainersAndPartiesAreKeyedByTheirPaths()
    {
        var ssccUrn = EpcUrn.FromDigitalLink(DigitalLink.Parse(Container(1)), companyPrefixLength: 7);
        var pglnUrn = EpcUrn.FromDigitalLink(DigitalLink.Parse(Party(2)), companyPrefixLength: 6);
        using var graph = Graph(("ship", Ship([ssccUrn], [pglnUrn])));

        var trace = graph.Trace(ContainerKey(1), TraceDirection.Forward);

        Assert.Equal([PartyKey(2)], trace.Parties);
    }

    [Fact]
    public void IdentifiersThatAreNotGs1KeysAreKeptAsSent()
    {
        using var graph = Graph(("cook", Transform(["urn:example:batch:7"], [Lot("X")])));

        Assert.Equal(["urn:example:batch:7"], graph.Trace(LotKey("X"), TraceDirection.Backward).Lots);
    }
}
