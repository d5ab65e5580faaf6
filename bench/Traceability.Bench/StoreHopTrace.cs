using Traceability.Domain.Genealogy;
using Traceability.Storage;

namespace Traceability.Bench;

/// <summary>
/// The trace done without the index: breadth-first, one store query per node (its events, by lot or container
/// key), reading the edges out of the returned events' JSON with the same rules the index uses. The baseline the
/// lot graph is measured against, and a check on it: both must find the same nodes.
/// </summary>
internal static class StoreHopTrace
{
    public sealed record Result(HashSet<string> Lots, HashSet<string> Parties, int Edges, int Queries);

    public static async Task<Result> TraceAsync(ITraceStore store, string root, bool downstream, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { root };
        var lots = new HashSet<string>(StringComparer.Ordinal);
        var parties = new HashSet<string>(StringComparer.Ordinal);
        var edges = new HashSet<(string, string, EdgeKind, string)>();
        var queue = new Queue<string>([root]);
        var queries = 0;
        while (queue.TryDequeue(out var node))
        {
            queries++;
            foreach (var stored in await EventsOfAsync(store, node, cancellationToken))
            {
                foreach (var edge in GenealogyRules.EdgesOf(GenealogyEvent.FromJson(stored.Json)))
                {
                    if (Neighbour(edge, node, downstream) is not { } hop) continue;
                    var (next, isParty) = hop;
                    edges.Add((edge.From, edge.To, edge.Kind, stored.EventId));
                    if (!visited.Add(next)) continue;
                    if (isParty)
                    {
                        parties.Add(next); // a leaf: never queried
                    }
                    else
                    {
                        lots.Add(next);
                        queue.Enqueue(next);
                    }
                }
            }
        }
        return new Result(lots, parties, edges.Count, queries);
    }

    /// <summary>The node across the edge from <paramref name="node"/>, when the edge leads the way the walk goes.</summary>
    private static (string Key, bool IsParty)? Neighbour(DerivedEdge edge, string node, bool downstream)
    {
        var flowsFromTo = edge.Kind.FlowsFromTo();
        if (edge.From == node && flowsFromTo == downstream) return (edge.To, edge.ToIsParty);
        if (edge.To == node && flowsFromTo != downstream) return (edge.From, edge.FromIsParty);
        return null;
    }

    private static async Task<List<StoredEvent>> EventsOfAsync(ITraceStore store, string key, CancellationToken cancellationToken)
    {
        var isLotOrContainer = key.StartsWith("/01/", StringComparison.Ordinal) && key.Contains("/10/", StringComparison.Ordinal)
            || key.StartsWith("/00/", StringComparison.Ordinal);
        var query = isLotOrContainer
            ? new EventQuery { LotKeys = [key], PerPage = 1000 }
            : new EventQuery { AnyEpcs = [key.StartsWith('/') ? "https://id.gs1.org" + key : key], PerPage = 1000 };
        var events = new List<StoredEvent>();
        while (true)
        {
            var page = await store.QueryEventsAsync(query, cancellationToken);
            events.AddRange(page.Events);
            if (page.NextAfterSequence is not { } after) return events;
            query = query with { AfterSequence = after };
        }
    }
}
