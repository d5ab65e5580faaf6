using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Genealogy;

/// <summary>An edge derived from one event, between node keys (<see cref="NodeKeys"/>); a party end is a leaf of every trace.</summary>
public readonly record struct DerivedEdge(string From, string To, EdgeKind Kind, bool FromIsParty, bool ToIsParty);

/// <summary>
/// Which edges an EPCIS event adds to the lot graph. Every edge but aggregation points the way goods move, so a
/// forward trace follows edges downstream and a backward trace upstream (<see cref="EdgeKinds.FlowsFromTo"/>):
/// <list type="bullet">
/// <item>TransformationEvent: every input → every output ("transformation"); bizLocation → every output ("origin").</item>
/// <item>AggregationEvent ADD or OBSERVE: parentID → every child ("aggregation"). Drawn parent → child as EPCIS
/// writes it, but the child travels with the parent: forward from a lot reaches the cases and pallets it was packed
/// into and where they went; backward from a pallet reaches its contents and their history. A lot's siblings in a
/// pallet are neither upstream nor downstream of it, so neither trace crosses from a lot to them. DELETE (unpacking)
/// adds nothing and removes nothing: the packing happened.</item>
/// <item>ObjectEvent ADD: bizLocation → every object ("origin"), so a backward trace ends at the producer's site.</item>
/// <item>bizStep shipping or departing: each moved object → each destination ("shipping"); each source → each moved
/// object ("shipping"). receiving, arriving or accepting: the same with "receiving", and the bizLocation (where it was
/// received) counts as a destination. Moved objects are the epcList and quantityList (plus parentID for a
/// TransactionEvent), or for an AggregationEvent the parent, or its children when it has none.</item>
/// <item>Events with an error declaration add nothing; association events (assets, not goods) add nothing.</item>
/// </list>
/// Sources, destinations and bizLocations are parties or locations: the walk reports them but never continues out of
/// them (otherwise everything a distributor handled would join every trace through it).
/// The graph has no clock: a node's edges hold its whole history, so a backward trace from a pallet also reaches
/// whoever shipped one of its cases on after unpacking, and a reused container would join its loads.
/// </summary>
public static class GenealogyRules
{
    public static IReadOnlyList<DerivedEdge> EdgesOf(GenealogyEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var edges = new List<DerivedEdge>();
        if (evt.HasErrorDeclaration) return edges;

        // Routine observations (most events) need no location key, so it is worked out only when used.
        var location = new Lazy<string?>(() => evt.BizLocation is null ? null : NodeKeys.Of(evt.BizLocation), LazyThreadSafetyMode.None);
        switch (evt.Type)
        {
            case EventType.TransformationEvent:
                var outputs = Keys(evt.Outputs);
                foreach (var input in Keys(evt.Inputs))
                    foreach (var output in outputs)
                        if (input != output) edges.Add(new(input, output, EdgeKind.Transformation, false, false));
                if (location.Value is { } site)
                    edges.AddRange(outputs.Select(o => new DerivedEdge(site, o, EdgeKind.Origin, true, false)));
                break;
            case EventType.AggregationEvent when evt.Action is "ADD" or "OBSERVE" && evt.ParentId is not null:
                var parent = NodeKeys.Of(evt.ParentId);
                edges.AddRange(Keys(evt.Children).Where(c => c != parent).Select(c => new DerivedEdge(parent, c, EdgeKind.Aggregation, false, false)));
                break;
            case EventType.ObjectEvent when evt.Action == "ADD" && location.Value is { } origin:
                edges.AddRange(Keys(evt.Objects).Select(o => new DerivedEdge(origin, o, EdgeKind.Origin, true, false)));
                break;
        }

        if (MovementKind(evt.BizStep) is { } kind)
        {
            var moved = Moved(evt);
            IEnumerable<string> to = Keys(evt.Destinations);
            if (kind == EdgeKind.Receiving && location.Value is { } receivedAt) to = to.Append(receivedAt);
            var destinations = to.Distinct(StringComparer.Ordinal).ToList();
            var sources = Keys(evt.Sources);
            foreach (var m in moved)
            {
                edges.AddRange(destinations.Select(d => new DerivedEdge(m, d, kind, false, true)));
                edges.AddRange(sources.Select(s => new DerivedEdge(s, m, kind, true, false)));
            }
        }
        return edges.Distinct().ToList();
    }

    private static EdgeKind? MovementKind(string? bizStep) => bizStep switch
    {
        "shipping" or "departing" => EdgeKind.Shipping,
        "receiving" or "arriving" or "accepting" => EdgeKind.Receiving,
        _ => null,
    };

    private static List<string> Moved(GenealogyEvent evt) => evt.Type switch
    {
        EventType.ObjectEvent => Keys(evt.Objects),
        EventType.TransactionEvent => Keys(evt.ParentId is null ? evt.Objects : [evt.ParentId, .. evt.Objects]),
        EventType.AggregationEvent => evt.ParentId is not null ? [NodeKeys.Of(evt.ParentId)] : Keys(evt.Children),
        _ => [],
    };

    private static List<string> Keys(IEnumerable<string> ids) => ids.Select(NodeKeys.Of).Distinct(StringComparer.Ordinal).ToList();
}
