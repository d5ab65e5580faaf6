namespace Traceability.Domain.Genealogy;

/// <summary>What created an edge of the lot graph. Kept to a byte so an edge packs into eight bytes.</summary>
public enum EdgeKind : byte
{
    /// <summary>Input → output of a TransformationEvent.</summary>
    Transformation,

    /// <summary>Parent (pallet, case) → child of an AggregationEvent ADD or OBSERVE. Goods flow child → parent.</summary>
    Aggregation,

    /// <summary>Shipped object → destination party or location; source party → shipped object.</summary>
    Shipping,

    /// <summary>Received object → receiving party or location; source party → received object.</summary>
    Receiving,

    /// <summary>Location → object it was created at (ObjectEvent ADD, TransformationEvent outputs).</summary>
    Origin,
}

public static class EdgeKinds
{
    /// <summary>The name used on the wire ("transformation", "aggregation", …).</summary>
    public static string Name(this EdgeKind kind) => kind switch
    {
        EdgeKind.Transformation => "transformation",
        EdgeKind.Aggregation => "aggregation",
        EdgeKind.Shipping => "shipping",
        EdgeKind.Receiving => "receiving",
        EdgeKind.Origin => "origin",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Whether goods flow from the edge's From node to its To node. Every kind is drawn in the direction goods
    /// move except aggregation, which is drawn parent → child (as EPCIS writes it) while the child moves with the parent.
    /// </summary>
    public static bool FlowsFromTo(this EdgeKind kind) => kind != EdgeKind.Aggregation;
}
