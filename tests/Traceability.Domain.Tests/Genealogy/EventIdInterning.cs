using CsCheck;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class EventIdInterning
{
    [Fact]
    public void HashIdsComeBackExactly() =>
        Gen.Byte.Array[32].Sample(digest =>
        {
            using var graph = new LotGraph();
            var id = EventHash.FromDigest(digest);
            graph.Add(id, Transform([Lot("A")], [Lot("X")]));
            return graph.Trace(LotKey("A"), TraceDirection.Forward).Edges.Single().EventId == id && graph.ContainsEvent(id);
        });

    [Theory]
    [InlineData("urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8")]
    [InlineData("ni:///sha-256;FFA491B16867E34A7791A8D5389D826AFC24E63A121026B6A4004ACE38631B4B?ver=CBV2.0")]
    [InlineData("ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4?ver=CBV2.0")]
    public void OtherIdsComeBackExactly(string id)
    {
        using var graph = new LotGraph();

        graph.Add(id, Transform([Lot("A")], [Lot("X")]));

        Assert.Equal(id, graph.Trace(LotKey("A"), TraceDirection.Forward).Edges.Single().EventId);
        Assert.True(graph.ContainsEvent(id));
    }

    [Fact]
    public void IdsAreComparedExactlyNotCaseInsensitively()
    {
        const string lower = "ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b?ver=CBV2.0";
        using var graph = new LotGraph();

        graph.Add(lower, Transform([Lot("A")], [Lot("X")]));
        var upperAdded = graph.Add(lower.ToUpperInvariant(), Transform([Lot("A")], [Lot("X")]));

        Assert.True(upperAdded);
        Assert.Equal(2, graph.EventCount);
    }
}
