using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Genealogy;

/// <summary>
/// The in-memory lot genealogy index (ARCHITECTURE.md, read path): edges derived from EPCIS events by
/// <see cref="GenealogyRules"/>, traced forward and backward without touching the store. Thread-safe: any number of
/// traces run at once, each event is added under an exclusive lock, so a trace sees every edge of an event or none.
/// Built to hold millions of edges: node keys and event ids are interned to ints and each edge is two 8-byte halves.
/// </summary>
public sealed class LotGraph : IDisposable
{
    public const int DefaultMaxNodes = 100_000;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly NodeTable _nodes = new();
    private readonly EventIdTable _events = new();
    private long _edgeCount;

    public int NodeCount => Read(() => _nodes.Count);
    public long EdgeCount => Read(() => _edgeCount);

    /// <summary>Events that added at least one edge, and events retracted before they were added.</summary>
    public int EventCount => Read(() => _events.Count);

    /// <summary>Approximate managed bytes the index holds (node keys, adjacency, interned event ids).</summary>
    public long EstimatedBytes => Read(() => _nodes.EstimateBytes() + _events.EstimateBytes());

    /// <inheritdoc cref="Add(string, GenealogyEvent)"/>
    public bool Add(string eventId, EpcisEvent evt) => Add(eventId, GenealogyEvent.From(evt));

    /// <summary>
    /// Adds the edges the event implies. Idempotent: an event id already added changes nothing.
    /// </summary>
    /// <returns>True when the graph changed: false for an event already added or one that implies no edges.</returns>
    public bool Add(string eventId, GenealogyEvent evt)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        // Identifier parsing and canonicalisation happen before the lock, so writers hold it only to append.
        var edges = GenealogyRules.EdgesOf(evt);
        if (edges.Count == 0) return false;

        _lock.EnterWriteLock();
        try
        {
            if (!_events.TryAdd(eventId, out var eventIndex)) return false;
            foreach (var edge in edges)
            {
                var from = _nodes.Intern(edge.From, edge.FromIsParty);
                var to = _nodes.Intern(edge.To, edge.ToIsParty);
                _nodes.Link(from, to, edge.Kind, eventIndex);
            }
            _edgeCount += edges.Count;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Takes an event's edges out of every later trace: the event was declared in error (EPCIS errorDeclaration).
    /// An event not added yet is remembered as retracted, so adding it later (the index still loading from the
    /// store while the declaration is captured) adds nothing.
    /// </summary>
    /// <returns>True when the event was not retracted before.</returns>
    public bool Retract(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        _lock.EnterWriteLock();
        try
        {
            _events.TryAdd(eventId, out var index);
            return _events.Retract(index);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Whether an event id has been added (and added edges).</summary>
    public bool ContainsEvent(string eventId) => Read(() => _events.Contains(eventId));

    /// <summary>Whether the node is in the graph; any spelling of the identifier (URN, Digital Link, path) works.</summary>
    public bool Contains(string nodeKey)
    {
        var key = NodeKeys.Of(nodeKey);
        return Read(() => _nodes.TryGetId(key, out _));
    }

    /// <summary>
    /// Breadth-first walk from a node (any spelling of its identifier) in the given direction, nearest nodes first,
    /// safe on cycles. Parties and locations are reported but not walked through, unless one is the root.
    /// </summary>
    /// <param name="maxNodes">Stop after reaching this many nodes in each direction; the result then says Truncated.</param>
    /// <returns>The trace; an empty one when the node is not in the graph.</returns>
    public TraceResult Trace(string nodeKey, TraceDirection direction, int maxNodes = DefaultMaxNodes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);
        var key = NodeKeys.Of(nodeKey);
        _lock.EnterReadLock();
        try
        {
            if (!_nodes.TryGetId(key, out var root)) return TraceResult.Empty(key);
            return direction switch
            {
                TraceDirection.Forward => TraceWalk.Run(_nodes, _events, root, downstream: true, maxNodes).ToResult(),
                TraceDirection.Backward => TraceWalk.Run(_nodes, _events, root, downstream: false, maxNodes).ToResult(),
                TraceDirection.Both => TraceWalk.Run(_nodes, _events, root, downstream: true, maxNodes)
                    .Merge(TraceWalk.Run(_nodes, _events, root, downstream: false, maxNodes)).ToResult(),
                _ => throw new ArgumentOutOfRangeException(nameof(direction)),
            };
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}
