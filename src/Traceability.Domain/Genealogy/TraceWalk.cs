namespace Traceability.Domain.Genealogy;

/// <summary>
/// One breadth-first walk over node ids, upstream or downstream; turned into keys only at the end. Runs under the
/// graph's read lock, so it sees one consistent state.
/// </summary>
internal sealed class TraceWalk
{
    private readonly NodeTable _nodes;
    private readonly EventIdTable _events;
    private readonly int _root;
    private readonly List<int> _reached = [];
    private readonly List<(int From, int To, EdgeKind Kind, int Event)> _edges = [];
    private bool _truncated;

    private TraceWalk(NodeTable nodes, EventIdTable events, int root)
    {
        _nodes = nodes;
        _events = events;
        _root = root;
    }

    public static TraceWalk Run(NodeTable nodes, EventIdTable events, int root, bool downstream, int maxNodes)
    {
        var walk = new TraceWalk(nodes, events, root);
        var visited = new HashSet<int> { root };
        var queue = new Queue<int>();
        queue.Enqueue(root);
        while (queue.TryDequeue(out var node))
        {
            // Parties and locations are leaves: walking out of one would join everything it ever handled.
            if (node != root && nodes.IsParty(node)) continue;
            foreach (var half in nodes.EdgesOf(node))
            {
                if (half.IsDownstream != downstream || events.IsRetracted(half.EventIndex)) continue;
                if (!visited.Contains(half.Target))
                {
                    if (visited.Count >= maxNodes)
                    {
                        walk._truncated = true;
                        continue;
                    }
                    visited.Add(half.Target);
                    walk._reached.Add(half.Target);
                    queue.Enqueue(half.Target);
                }
                walk._edges.Add(half.OwnerIsFrom
                    ? (node, half.Target, half.Kind, half.EventIndex)
                    : (half.Target, node, half.Kind, half.EventIndex));
            }
        }
        return walk;
    }

    /// <summary>Adds another walk from the same root: its new nodes after this one's, each edge once.</summary>
    public TraceWalk Merge(TraceWalk other)
    {
        var reached = new HashSet<int>(_reached);
        _reached.AddRange(other._reached.Where(reached.Add));
        var edges = new HashSet<(int, int, EdgeKind, int)>(_edges);
        _edges.AddRange(other._edges.Where(edges.Add));
        _truncated |= other._truncated;
        return this;
    }

    public TraceResult ToResult()
    {
        var eventIds = new Dictionary<int, string>();
        string EventId(int index) =>
            eventIds.TryGetValue(index, out var id) ? id : eventIds[index] = _events.IdOf(index);

        return new TraceResult(
            _nodes.KeyOf(_root),
            _reached.Where(n => !_nodes.IsParty(n)).Select(_nodes.KeyOf).ToList(),
            _edges.Select(e => new TraceEdge(_nodes.KeyOf(e.From), _nodes.KeyOf(e.To), e.Kind, EventId(e.Event))).ToList(),
            _reached.Where(_nodes.IsParty).Select(_nodes.KeyOf).ToList(),
            _truncated);
    }
}
