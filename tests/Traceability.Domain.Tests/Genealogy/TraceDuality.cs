using CsCheck;
using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class TraceDuality
{
    private static readonly string[] Objects = [.. Enumerable.Range(0, 8).Select(i => Lot($"L{i}")), Container(1), Container(2), Container(3)];
    private static readonly string[] Sites = [Party(1), Party(2), Location(1)];

    private static readonly Gen<GenealogyEvent> Event = Gen.OneOf(
        Gen.Select(Gen.Int[0, 10].Array[1, 3], Gen.Int[0, 7].Array[1, 3], (i, o) => Transform([.. i.Select(n => Objects[n])], [.. o.Select(n => Objects[n])])),
        Gen.Select(Gen.Int[8, 10], Gen.Int[0, 10].Array[1, 3], (p, c) => Pack(Objects[p], [.. c.Select(n => Objects[n])])),
        Gen.Select(Gen.Int[0, 10], Gen.Int[0, 2], Gen.Int[0, 2], (o, d, s) => Ship([Objects[o]], [Sites[d]], Sites[s])),
        Gen.Select(Gen.Int[0, 10], Gen.Int[0, 2], (o, s) => Receive([Objects[o]], Location(1), Sites[s])));

    [Fact]
    public void WhatIsForwardOfAHasABackwardTraceReachingA() =>
        Event.Array[1, 25].Sample(events =>
        {
            using var graph = Graph([.. events.Select((e, i) => ($"e{i}", e))]);
            var keys = Objects.Select(NodeKeys.Of).Where(graph.Contains).ToList();
            return keys.All(a => keys.All(b =>
                graph.Trace(a, TraceDirection.Forward).Lots.Contains(b) == graph.Trace(b, TraceDirection.Backward).Lots.Contains(a)));
        });

    [Fact]
    public void EveryReportedEdgeJoinsReportedNodes() =>
        Event.Array[1, 25].Sample(events =>
        {
            using var graph = Graph([.. events.Select((e, i) => ($"e{i}", e))]);
            return Objects.Select(NodeKeys.Of).Where(graph.Contains).All(root =>
                Enum.GetValues<TraceDirection>().All(direction =>
                {
                    var trace = graph.Trace(root, direction);
                    var nodes = trace.Lots.Concat(trace.Parties).Append(trace.Root).ToHashSet();
                    return trace.Edges.All(e => nodes.Contains(e.From) && nodes.Contains(e.To));
                }));
        });
}
