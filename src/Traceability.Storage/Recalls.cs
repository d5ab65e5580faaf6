using System.Text.Json.Serialization;

namespace Traceability.Storage;

public enum RecallClassification { I, II, III }

/// <summary>A lot named in a recall, by GTIN and lot and by its Digital Link path key.</summary>
public sealed record RecalledLot(string LotKey, string Gtin, string Lot);

/// <summary>
/// A recall as ordered: the lot it started from, every lot the forward trace reached, the organisations
/// holding or receiving them, and the transactions that wrote <c>recall(lotKeys, reason)</c> on-chain.
/// <see cref="Lifted"/> is set once a regulator ends it.
/// </summary>
public sealed record Recall(
    string Id,
    RecalledLot Origin,
    string Reason,
    RecallClassification Classification,
    string InitiatedByOrgId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<RecalledLot> AffectedLots,
    IReadOnlyList<string> PartyOrgIds,
    IReadOnlyList<string> TxHashes,
    RecallLifting? Lifted = null)
{
    /// <summary>The client's Idempotency-Key header, if it sent one: the same key from the same organisation names this recall.</summary>
    public string? IdempotencyKey { get; init; }

    [JsonIgnore]
    public bool IsActive => Lifted is null;

    /// <summary>Logistic units (pallets, cases: their SSCCs) carrying affected lots; recalled on-chain under /00/{sscc}.</summary>
    public IReadOnlyList<string> AffectedUnits { get; init; } = [];

    /// <summary>The recalled lot, every affected lot and every affected logistic unit (/00/{sscc}), origin first.</summary>
    [JsonIgnore]
    public IEnumerable<string> LotKeys => AffectedLots.Select(l => l.LotKey).Prepend(Origin.LotKey)
        .Concat(AffectedUnits.Select(sscc => "/00/" + sscc)).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// How a recall ended: who lifted it, why, and the <c>liftRecall(lotKeys)</c> transactions (none for lots
/// another active recall still covers, which stay recalled on-chain).
/// </summary>
public sealed record RecallLifting(string ByOrgId, string Reason, DateTimeOffset At, IReadOnlyList<string> TxHashes);

/// <summary>A holder's report of what it took off the shelf for a recall.</summary>
public sealed record RecallAcknowledgement(
    string RecallId, string OrgId, decimal QuantityRemoved, string Unit, string? Note, DateTimeOffset At);

/// <summary>Something regulators must look at, e.g. a failed lab result.</summary>
public sealed record Alert(
    string Id, string Kind, RecalledLot Lot, string EventId, string RaisedByOrgId, DateTimeOffset At, string Detail);

/// <summary>
/// A trade item's consumer-facing master data, keyed by GTIN and owned by the organisation that
/// registered it. Names are language maps (BCP 47 tag → text), as in the GS1 Web Vocabulary.
/// </summary>
public sealed record Product(
    string Gtin,
    string OwnerOrgId,
    IReadOnlyDictionary<string, string> Name,
    IReadOnlyDictionary<string, string> Brand,
    IReadOnlyDictionary<string, string> Description,
    string? CountryOfOrigin,
    string? NetContent,
    int? ShelfLifeDays)
{
    /// <summary>Organisations the owner lets create lots of this GTIN (a contract packer, say).</summary>
    public IReadOnlyList<string> Licensees { get; init; } = [];
}
