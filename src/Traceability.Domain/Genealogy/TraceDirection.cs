namespace Traceability.Domain.Genealogy;

public enum TraceDirection
{
    /// <summary>Downstream: what the node went into and where it went.</summary>
    Forward,

    /// <summary>Upstream: what the node was made from or holds, and who produced it.</summary>
    Backward,

    /// <summary>The union of a forward and a backward trace (not an undirected walk, which would reach everything).</summary>
    Both,
}
