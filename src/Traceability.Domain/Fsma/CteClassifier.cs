using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Fsma;

/// <summary>
/// Which critical tracking event an EPCIS event records. CBV has steps for shipping, receiving, commissioning
/// (taken as harvesting: the lot comes into being) and packing; harvesting, cooling and first land-based
/// receiving have none, so custom step URIs ending in those words (e.g. GDST's urn:gdst:bizstep:landing) count.
/// Every TransformationEvent is a transformation. Anything else is not a CTE and is left out, as are events
/// declared erroneous.
/// </summary>
/// <remarks>
/// Packing counts as initial packing only in an ObjectEvent: a packing AggregationEvent puts already packed
/// cases on a pallet, which the rule does not track (§1.1330 is the first packing of a raw commodity).
/// </remarks>
internal static class CteClassifier
{
    public static CriticalTrackingEvent? Classify(EpcisEvent e)
    {
        if (e.HasErrorDeclaration)
            return null;
        if (e.Type == EventType.TransformationEvent)
            return CriticalTrackingEvent.Transformation;
        var step = e.BizStep is null ? null : Cbv.ShortName(e.BizStep);
        var isObject = e.Type == EventType.ObjectEvent;
        var movesGoods = e.Type is EventType.ObjectEvent or EventType.AggregationEvent or EventType.TransactionEvent;
        return step switch
        {
            null => null,
            "shipping" when movesGoods => CriticalTrackingEvent.Shipping,
            "receiving" when movesGoods => CriticalTrackingEvent.Receiving,
            "commissioning" when isObject => CriticalTrackingEvent.Harvesting,
            "packing" when isObject => CriticalTrackingEvent.InitialPacking,
            _ when isObject => CustomStep(step),
            _ => null,
        };
    }

    private static CriticalTrackingEvent? CustomStep(string step)
    {
        var term = step[(step.LastIndexOfAny(['/', '#', ':']) + 1)..];
        if (term.StartsWith("BizStep-", StringComparison.OrdinalIgnoreCase))
            term = term["BizStep-".Length..];
        return term.ToLowerInvariant() switch
        {
            "harvesting" or "harvest" or "farmharvest" => CriticalTrackingEvent.Harvesting,
            "cooling" => CriticalTrackingEvent.Cooling,
            "initial_packing" or "initialpacking" => CriticalTrackingEvent.InitialPacking,
            "landing" or "first_land_based_receiving" => CriticalTrackingEvent.FirstLandBasedReceiving,
            _ => null,
        };
    }
}
