namespace Traceability.Domain.Fsma;

/// <summary>The critical tracking events of the FDA Food Traceability Rule (21 CFR 1.1325–1.1350).</summary>
public enum CriticalTrackingEvent
{
    /// <summary>§1.1325(a)</summary>
    Harvesting,

    /// <summary>§1.1325(b), cooling before initial packing.</summary>
    Cooling,

    /// <summary>§1.1330, initial packing of a raw agricultural commodity.</summary>
    InitialPacking,

    /// <summary>§1.1335, first land-based receiving of food from a fishing vessel.</summary>
    FirstLandBasedReceiving,

    /// <summary>§1.1340</summary>
    Shipping,

    /// <summary>§1.1345</summary>
    Receiving,

    /// <summary>§1.1350</summary>
    Transformation,
}

public static class CriticalTrackingEventNames
{
    /// <summary>The name the rule uses, e.g. "Initial Packing".</summary>
    public static string DisplayName(this CriticalTrackingEvent cte) => cte switch
    {
        CriticalTrackingEvent.Harvesting => "Harvesting",
        CriticalTrackingEvent.Cooling => "Cooling",
        CriticalTrackingEvent.InitialPacking => "Initial Packing",
        CriticalTrackingEvent.FirstLandBasedReceiving => "First Land-Based Receiving",
        CriticalTrackingEvent.Shipping => "Shipping",
        CriticalTrackingEvent.Receiving => "Receiving",
        CriticalTrackingEvent.Transformation => "Transformation",
        _ => throw new ArgumentOutOfRangeException(nameof(cte)),
    };
}
