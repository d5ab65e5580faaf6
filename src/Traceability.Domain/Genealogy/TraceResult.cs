namespace Traceability.Domain.Genealogy;

/// <summary>One edge of a trace, as stored: aggregation edges point parent → child, the others along the goods' flow.</summary>
public sealed record TraceEdge(string From, string To, EdgeKind Kind, string EventId);

/// <summary>
/// The outcome of <see cref="LotGraph.Trace"/>. <see cref="Lots"/> holds every lot, container or item reached
/// (nearest first, the root excluded); <see cref="Parties"/> every party or location reached; <see cref="Edges"/>
/// every edge between reached nodes that the walk crossed. <see cref="Truncated"/> says the walk stopped at its node limit.
/// </summary>
public sealed record TraceResult(
    string Root,
    IReadOnlyList<string> Lots,
    IReadOnlyList<TraceEdge> Edges,
    IReadOnlyList<string> Parties,
    bool Truncated)
{
    public static TraceResult Empty(string root) => new(root, [], [], [], false);
}
