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
    string LastEventId);
