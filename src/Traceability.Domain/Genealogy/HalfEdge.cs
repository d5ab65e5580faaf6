namespace Traceability.Domain.Genealogy;

/// <summary>
/// One end of an edge, kept in the adjacency array of the node at the other end: eight bytes, so a million edges
/// (two halves each) take 16 MB. <c>Packed</c> holds the event index (28 bits), the kind (3 bits) and whether the
/// owning node is the edge's From end (1 bit).
/// </summary>
internal readonly struct HalfEdge
{
    public const int MaxEventIndex = (1 << 28) - 1;

    private readonly uint _packed;

    public HalfEdge(int target, int eventIndex, EdgeKind kind, bool ownerIsFrom)
    {
        if ((uint)eventIndex > MaxEventIndex)
            throw new InvalidOperationException($"the lot graph holds at most {MaxEventIndex + 1} events");
        Target = target;
        _packed = ((uint)eventIndex << 4) | ((uint)kind << 1) | (ownerIsFrom ? 1u : 0u);
    }

    /// <summary>The node at the other end.</summary>
    public int Target { get; }

    public int EventIndex => (int)(_packed >> 4);
    public EdgeKind Kind => (EdgeKind)((_packed >> 1) & 0b111);
    public bool OwnerIsFrom => (_packed & 1) != 0;

    /// <summary>Whether goods flow from the owning node to <see cref="Target"/> along this edge.</summary>
    public bool IsDownstream => OwnerIsFrom == Kind.FlowsFromTo();
}
