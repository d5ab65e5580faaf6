namespace Traceability.Storage;

/// <summary>An organisation with events not yet in any anchor batch.</summary>
public sealed record PendingBacklog(string OrgId, long Count, DateTimeOffset OldestRecordTime);

/// <summary>An event waiting for a batch, with its consumer view's id (made at capture).</summary>
public sealed record PendingEvent(string EventId, string ViewId);

/// <summary>
/// One anchor transaction's worth of events: an RFC 6962 tree whose leaves are the event-hash digests in
/// <see cref="EventIds"/> order followed by those of their consumer views (<see cref="ViewIds"/>, same order).
/// Recorded before the transaction is sent, so a crash can always find out from <c>anchors(root)</c>
/// whether it landed. <see cref="BatchId"/> is the root as 0x-hex.
/// </summary>
public sealed record AnchorBatch(
    string BatchId,
    string OrgId,
    IReadOnlyList<string> EventIds,
    DateTimeOffset CreatedAt,
    ulong SearchFromBlock)
{
    /// <summary>Ids of the events' consumer views, leaf <c>EventIds.Count + i</c> for event i.</summary>
    public IReadOnlyList<string> ViewIds { get; init; } = [];

    /// <summary>Hash of the transaction last sent for this batch; null until the node accepted one.</summary>
    public string? TxHash { get; init; }
    public ulong? BlockNumber { get; init; }
    /// <summary>The account that sent the anchor (the organisation's ledger address).</summary>
    public string? AnchoredBy { get; init; }
    public DateTimeOffset? AnchoredAt { get; init; }

    public bool IsAnchored => BlockNumber is not null;
    public int TreeSize => EventIds.Count + ViewIds.Count;

    /// <summary>Leaf ids in tree order: events, then their views.</summary>
    public IEnumerable<string> LeafIds => EventIds.Concat(ViewIds);
}

/// <summary>Where one event stands: pending (no batch), batched (sent, awaiting receipt) or anchored.</summary>
public sealed record EventAnchor(string EventId, string OrgId, AnchorBatch? Batch, int? LeafIndex)
{
    public bool IsAnchored => Batch?.IsAnchored == true;
}

/// <summary>A batch's receipt: the block it landed in and who sent it.</summary>
public sealed record AnchorReceipt(string TxHash, ulong BlockNumber, string AnchoredBy, DateTimeOffset AnchoredAt);
