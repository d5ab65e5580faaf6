using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Genealogy;
using Traceability.Testing.SupplyChain;

namespace Traceability.Domain.Tests.Genealogy;

/// <summary>The benchmark's generator, at a tiny size: the chain it writes has the promised shape and traces consistently.</summary>
public class GeneratedSupplyChain
{
    private static readonly SupplyChainGenerator Generator = new(events: 4_000, lots: 330, depth: 10, seed: 7);
    private static readonly Lazy<IReadOnlyList<SupplyChainEvent>> Events = new(() => [.. Generator.Events()]);
    private static readonly Lazy<LotGraph> Built = new(() =>
    {
        var graph = new LotGraph();
        foreach (var e in Events.Value) graph.Add(e.EventId, e.Genealogy);
        return graph;
    });

    [Fact]
    public void WritesTheRequestedNumberOfEventsMostlyRoutine()
    {
        Assert.Equal(4_000, Events.Value.Count);
        Assert.Equal(4_000, Events.Value.Select(e => e.EventId).Distinct().Count());
        Assert.InRange(Generator.StructuralEventCount, 1, 3_999);
    }

    [Fact]
    public void EveryFinishedLotDescendsThroughAtLeastTenTransformations()
    {
        var graph = Built.Value;
        foreach (var finished in Generator.LotKeysByLevel[^1])
        {
            var trace = graph.Trace(finished, TraceDirection.Backward);
            Assert.True(TransformationDepth(trace) >= 10, $"{finished} is only {TransformationDepth(trace)} transformations deep");
            Assert.Contains(trace.Lots, Generator.LotKeysByLevel[0].Contains);
        }
    }

    [Fact]
    public void WhatIsFoundForwardLeadsBackToWhereTheTraceStarted()
    {
        var graph = Built.Value;
        var sample = Generator.LotKeys.Where((_, i) => i % 7 == 0).ToList();
        foreach (var start in sample)
        {
            var forward = graph.Trace(start, TraceDirection.Forward);
            Assert.NotEmpty(forward.Parties);
            foreach (var found in forward.Lots)
                Assert.Contains(start, graph.Trace(found, TraceDirection.Backward).Lots);
        }
    }

    [Fact]
    public void FinishedLotsReachCasesPalletsAndRetailers()
    {
        var graph = Built.Value;
        var trace = graph.Trace(Generator.LotKeysByLevel[^1][0], TraceDirection.Forward);

        Assert.Contains(trace.Lots, k => k.StartsWith("/00/0", StringComparison.Ordinal));
        Assert.Contains(trace.Lots, k => k.StartsWith("/00/1", StringComparison.Ordinal));
        Assert.Contains(trace.Edges, e => e.Kind == EdgeKind.Shipping);
    }

    [Fact]
    public void EveryEventIsValidEpcis()
    {
        var document = new JsonObject
        {
            ["@context"] = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
            ["type"] = "EPCISDocument",
            ["schemaVersion"] = "2.0",
            ["creationDate"] = "2026-07-22T10:30:00Z",
            ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray([.. Events.Value.Select(e => JsonNode.Parse(e.Json))]) },
        };

        var result = EpcisValidator.ValidateDocument(document, maxEvents: Events.Value.Count);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void ItsJsonCarriesTheSameGenealogyAsItsFacts()
    {
        foreach (var e in Events.Value)
            Assert.Equal(GenealogyRules.EdgesOf(e.Genealogy), GenealogyRules.EdgesOf(GenealogyEvent.FromJson(e.Json)));
    }

    [Fact]
    public void TheSameArgumentsGiveTheSameEvents()
    {
        var again = new SupplyChainGenerator(events: 4_000, lots: 330, depth: 10, seed: 7).Events().Take(500);

        Assert.Equal(Events.Value.Take(500).Select(e => e.Json), again.Select(e => e.Json));
    }

    /// <summary>The longest chain of transformation edges ending at the root, over the edges of its backward trace.</summary>
    private static int TransformationDepth(TraceResult trace)
    {
        var inputsOf = trace.Edges.Where(e => e.Kind == EdgeKind.Transformation).ToLookup(e => e.To, e => e.From);
        var memo = new Dictionary<string, int>();
        int Depth(string node) => memo.TryGetValue(node, out var d) ? d
            : memo[node] = inputsOf[node].Select(i => Depth(i) + 1).DefaultIfEmpty(0).Max();
        return Depth(trace.Root);
    }
}
