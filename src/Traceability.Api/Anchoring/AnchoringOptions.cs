namespace Traceability.Api.Anchoring;

/// <summary>Configuration section "Trace:Anchoring".</summary>
public sealed class AnchoringOptions
{
    /// <summary>Most events in one anchor transaction (one RFC 6962 tree).</summary>
    public int MaxBatch { get; set; } = 1024;

    /// <summary>Longest an event waits for a partial batch to be cut.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Anchor transactions one organisation may have in flight before awaiting receipts.</summary>
    public int MaxInFlight { get; set; } = 8;

    /// <summary>Off switch for tools that only capture (the benchmark's baseline); anchoring is on by default.</summary>
    public bool Enabled { get; set; } = true;
}
