namespace Traceability.Domain.Custody;

/// <summary>What the system knows of one lot (key: Digital Link path /01/{gtin14}/10/{lot}).</summary>
public sealed record LotState(
    string LotKey,
    string Gtin,
    string Lot,
    string? HolderOrgId,
    string? PendingReceiverOrgId,
    bool NonConformant,
    string FirstEventId,
    string LastEventId)
{
    /// <summary>The organisations that have held the lot, in order: the first created it. Its custody chain.</summary>
    public IReadOnlyList<string> Custodians { get; init; } = [];

    /// <summary>The standing events that mark the lot non-conformant; declaring one in error takes it off.</summary>
    public IReadOnlyList<string> NonConformantBy { get; init; } = [];

    /// <summary>
    /// Every organisation a shipment of (part of) the lot is on its way to; <see cref="PendingReceiverOrgId"/> is the
    /// latest. A lot split between two shops has both here until each receives its part.
    /// </summary>
    public IReadOnlyList<string> PendingReceivers { get; init; } = [];

    public string? CreatorOrgId => Custodians.Count > 0 ? Custodians[0] : null;

    /// <summary>
    /// The stored version this state was read at (0: not stored yet). A write of the state succeeds only while the
    /// store still holds that version, so two API instances deciding on the same lot at once cannot both win.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Whether a receipt by the organisation completes a shipment to it.</summary>
    public bool AwaitsReceiptBy(string orgId) => PendingReceiverOrgId == orgId || PendingReceivers.Contains(orgId);

    /// <summary>Whether the organisation is, was or is about to be (a shipment awaits its receipt) in the custody chain.</summary>
    public bool InCustodyChain(string orgId) => HolderOrgId == orgId || AwaitsReceiptBy(orgId) || Custodians.Contains(orgId);

    // Value equality over the lists too (a record compares them by reference).
    public bool Equals(LotState? other) =>
        other is not null && LotKey == other.LotKey && Gtin == other.Gtin && Lot == other.Lot && HolderOrgId == other.HolderOrgId
        && PendingReceiverOrgId == other.PendingReceiverOrgId && NonConformant == other.NonConformant
        && FirstEventId == other.FirstEventId && LastEventId == other.LastEventId
        && Custodians.SequenceEqual(other.Custodians) && NonConformantBy.SequenceEqual(other.NonConformantBy)
        && PendingReceivers.SequenceEqual(other.PendingReceivers);

    public override int GetHashCode() => HashCode.Combine(LotKey, HolderOrgId, PendingReceiverOrgId, NonConformant, LastEventId);
}
