using MongoDB.Bson;
using Traceability.Domain.Organisations;
using Traceability.Domain.Trust;

namespace Traceability.Storage.Mongo;

/// <summary>
/// Maps the port's records to BSON documents and back. Each document's <c>_id</c> is its natural key
/// (organisation id, event id, lot key, capture id), so the primary index is also the uniqueness rule.
/// Times are BSON dates (UTC, millisecond precision), like the SQLite adapter's Unix milliseconds.
/// </summary>
internal static class MongoDocuments
{
    public static BsonDocument FromOrganisation(Organisation o)
    {
        var doc = new BsonDocument
        {
            { "_id", o.Id },
            { "name", o.Name },
            { "role", o.Role.Name() },
            { "api_key_hash", o.ApiKeyHash },
            { "ledger_address", o.LedgerAddress },
            { "created_at", Date(o.CreatedAt) },
            { "company_prefixes", new BsonArray(o.CompanyPrefixes) },
        };
        // Left out rather than null so the partial unique index on gln lets many organisations have none.
        if (o.Gln is not null) doc["gln"] = o.Gln;
        return doc;
    }

    public static Organisation ToOrganisation(BsonDocument d) => new(
        d["_id"].AsString,
        d["name"].AsString,
        Enum.Parse<OrgRole>(d["role"].AsString, ignoreCase: true),
        d.TryGetValue("gln", out var gln) && gln.IsString ? gln.AsString : null,
        d["api_key_hash"].AsString,
        d["ledger_address"].AsString,
        Time(d["created_at"]))
    {
        CompanyPrefixes = d.TryGetValue("company_prefixes", out var prefixes) ? Strings(prefixes) : [],
    };

    public static BsonDocument FromEvent(StoredEvent e, long sequence) => new()
    {
        { "_id", e.EventId },
        { "seq", sequence },
        { "org_id", e.OrgId },
        { "event_type", e.EventType },
        { "event_time", Date(e.EventTime) },
        { "record_time", Date(e.RecordTime) },
        { "biz_step", Nullable(e.BizStep) },
        { "disposition", Nullable(e.Disposition) },
        { "biz_location", Nullable(e.BizLocation) },
        { "read_point", Nullable(e.ReadPoint) },
        { "external", e.External },
        { "epcs", new BsonArray(e.Epcs) },
        { "epc_classes", new BsonArray(e.EpcClasses) },
        { "lot_keys", new BsonArray(e.LotKeys) },
        { "json", e.Json },
        { "standing", e.Standing.Name() },
        { "party_glns", new BsonArray(e.PartyGlns) },
        { "unconfirmed", e.Unconfirmed },
        { "view_id", Nullable(e.ViewId) },
        { "declared", e.Declared },
    };

    public static StoredEvent ToEvent(BsonDocument d) => new(
        d["_id"].AsString,
        d["org_id"].AsString,
        d["event_type"].AsString,
        Time(d["event_time"]),
        Time(d["record_time"]),
        OptionalString(d["biz_step"]),
        OptionalString(d["disposition"]),
        OptionalString(d["biz_location"]),
        OptionalString(d["read_point"]),
        Strings(d["epcs"]),
        Strings(d["epc_classes"]),
        Strings(d["lot_keys"]),
        d["external"].AsBoolean,
        d["json"].AsString)
    {
        Sequence = d["seq"].ToInt64(),
        Standing = EventStandings.Parse(d.TryGetValue("standing", out var standing) && standing.IsString ? standing.AsString : null),
        PartyGlns = d.TryGetValue("party_glns", out var parties) ? Strings(parties) : [],
        Unconfirmed = d.TryGetValue("unconfirmed", out var unconfirmed) && unconfirmed.IsBoolean && unconfirmed.AsBoolean,
        ViewId = d.TryGetValue("view_id", out var view) && view.IsString ? view.AsString : null,
        Declared = d.TryGetValue("declared", out var declared) && declared.IsBoolean && declared.AsBoolean,
    };

    public static BsonDocument FromLot(LotState lot) => new()
    {
        { "_id", lot.LotKey },
        { "gtin", lot.Gtin },
        { "lot", lot.Lot },
        { "holder_org_id", Nullable(lot.HolderOrgId) },
        { "pending_receiver_org_id", Nullable(lot.PendingReceiverOrgId) },
        { "non_conformant", lot.NonConformant },
        { "first_event_id", lot.FirstEventId },
        { "last_event_id", lot.LastEventId },
        { "custodians", new BsonArray(lot.Custodians) },
        { "non_conformant_by", new BsonArray(lot.NonConformantBy) },
        { "pending_receivers", new BsonArray(lot.PendingReceivers) },
        { "version", 1L },
    };

    public static LotState ToLot(BsonDocument d) => new(
        d["_id"].AsString,
        d["gtin"].AsString,
        d["lot"].AsString,
        OptionalString(d["holder_org_id"]),
        OptionalString(d["pending_receiver_org_id"]),
        d["non_conformant"].AsBoolean,
        d["first_event_id"].AsString,
        d["last_event_id"].AsString)
    {
        Custodians = d.TryGetValue("custodians", out var custodians) ? Strings(custodians) : [],
        NonConformantBy = d.TryGetValue("non_conformant_by", out var by) ? Strings(by) : [],
        PendingReceivers = d.TryGetValue("pending_receivers", out var receivers) ? Strings(receivers)
            : d["pending_receiver_org_id"].IsString ? [d["pending_receiver_org_id"].AsString] : [],
        Version = d.TryGetValue("version", out var version) ? version.ToInt64() : 1,
    };

    public static BsonDocument FromCaptureJob(CaptureJob job) => new()
    {
        { "_id", job.CaptureId },
        { "org_id", job.OrgId },
        { "created_at", Date(job.CreatedAt) },
        { "finished_at", job.FinishedAt is { } finished ? Date(finished) : BsonNull.Value },
        { "status", job.Status.ToString() },
        { "error_behaviour", job.ErrorBehaviour },
        { "event_count", job.EventCount },
        { "event_ids", new BsonArray(job.EventIds) },
        { "errors", new BsonArray(job.Errors.Select(FromCaptureError)) },
    };

    public static CaptureJob ToCaptureJob(BsonDocument d) => new(
        d["_id"].AsString,
        d["org_id"].AsString,
        Time(d["created_at"]),
        d["finished_at"].IsBsonNull ? null : Time(d["finished_at"]),
        Enum.Parse<CaptureJobStatus>(d["status"].AsString),
        d["error_behaviour"].AsString,
        d["event_count"].ToInt32(),
        Strings(d["event_ids"]),
        d["errors"].AsBsonArray.Select(e => ToCaptureError(e.AsBsonDocument)).ToList());

    public static BsonDocument FromBatch(AnchorBatch b) => new()
    {
        { "_id", b.BatchId },
        { "org_id", b.OrgId },
        { "event_ids", new BsonArray(b.EventIds) },
        { "view_ids", new BsonArray(b.ViewIds) },
        { "created_at", Date(b.CreatedAt) },
        { "search_from_block", (long)b.SearchFromBlock },
        { "tx_hash", Nullable(b.TxHash) },
        { "block_number", b.BlockNumber is { } block ? new BsonInt64((long)block) : BsonNull.Value },
        { "anchored_by", Nullable(b.AnchoredBy) },
        { "anchored_at", b.AnchoredAt is { } at ? Date(at) : BsonNull.Value },
    };

    public static AnchorBatch ToBatch(BsonDocument d) => new(
        d["_id"].AsString,
        d["org_id"].AsString,
        Strings(d["event_ids"]),
        Time(d["created_at"]),
        (ulong)d["search_from_block"].ToInt64())
    {
        TxHash = OptionalString(d["tx_hash"]),
        BlockNumber = d["block_number"].IsBsonNull ? null : (ulong)d["block_number"].ToInt64(),
        AnchoredBy = OptionalString(d["anchored_by"]),
        AnchoredAt = d["anchored_at"].IsBsonNull ? null : Time(d["anchored_at"]),
        ViewIds = d.TryGetValue("view_ids", out var views) ? Strings(views) : [],
    };

    public static BsonDateTime Date(DateTimeOffset time) => new(time.UtcDateTime);

    private static BsonDocument FromCaptureError(CaptureError e) => new()
    {
        { "event_index", e.EventIndex },
        { "event_id", Nullable(e.EventId) },
        { "type", e.Type },
        { "path", e.Path },
        { "detail", e.Detail },
    };

    private static CaptureError ToCaptureError(BsonDocument d) => new(
        d["event_index"].ToInt32(),
        OptionalString(d["event_id"]),
        d["type"].AsString,
        d["path"].AsString,
        d["detail"].AsString);

    public static BsonValue Nullable(string? value) => value is null ? BsonNull.Value : new BsonString(value);

    private static string? OptionalString(BsonValue value) => value.IsBsonNull ? null : value.AsString;

    public static string[] Strings(BsonValue value) => value.AsBsonArray.Select(v => v.AsString).ToArray();

    public static DateTimeOffset Time(BsonValue value) => new(value.ToUniversalTime(), TimeSpan.Zero);
}
