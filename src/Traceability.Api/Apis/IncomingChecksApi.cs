using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Capture;
using Traceability.Api.Http;
using Traceability.Api.Organisations;
using Traceability.Domain;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Gs1;
using Traceability.Domain.Organisations;
using Traceability.Domain.Units;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// Incoming checks (进货查验) by distributors, retailers and producers buying ingredients: the supplier, product, lot,
/// quantity, date and the supplier's inspection certificate number (检验合格证号). Each is an EPCIS ObjectEvent OBSERVE,
/// bizStep inspecting, written by the checker through the same capture path and trust rules as every event, and anchored;
/// the certificate and supplier live in an extension the consumer view leaves out.
/// </summary>
public static class IncomingChecksApi
{
    private const int MaxChecks = 500;
    private const int ScanBudget = 10_000;

    public const string Namespace = "https://traceability.example/ns/incoming-check/1.0#";
    private const string Prefix = "ic";

    public sealed record CheckRequest(string? Gtin, string? Lot, string? SupplierOrgId, string? SupplierName, decimal? Quantity, string? Unit,
        string? CheckedAt, string? CertificateNo, string? Note);
    public sealed record CheckView(string EventId, string CheckerOrgId, string Checker, string Gtin, string Lot, string Supplier, string? SupplierGln,
        decimal? Quantity, string? Unit, string CheckedAt, string CertificateNo, string? Note, LotsApi.AnchorView Anchor);

    public static IEndpointRouteBuilder MapIncomingChecksApi(this IEndpointRouteBuilder app)
    {
        var checks = app.MapGroup("/incoming-checks").WithTags("Incoming checks").RequireAuthorization(Policies.Organisation);
        checks.MapPost("", Record).WithSummary("Record an incoming check (distributors, retailers, producers)").ProducesProblem(400).ProducesProblem(403);
        checks.MapGet("", List).WithSummary("The caller's incoming checks, newest first; regulators see every organisation's");
        return app;
    }

    public static async Task<Created<CheckView>> Record(HttpContext context, Caller caller, CaptureService capture, ITraceStore store,
        OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var org = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Distributor, OrgRole.Retailer, OrgRole.Producer);
        var b = await JsonBody.ReadAsync<CheckRequest>(context.Request, cancellationToken, "invalid-incoming-check");
        var errors = new List<FieldError>();
        if (!Gtin.TryParse(b.Gtin, out var gtin)) errors.Add(new("$.gtin", "a GTIN with its check digit (8, 12, 13 or 14 digits)"));
        if (!LotCode.TryParse(b.Lot, out var lot)) errors.Add(new("$.lot", "a lot: up to 20 characters of GS1 character set 82"));
        var orgs = await directory.GetAsync(cancellationToken);
        Organisation? supplier = null;
        if (!string.IsNullOrWhiteSpace(b.SupplierOrgId) && (supplier = orgs.Get(b.SupplierOrgId)) is null)
            errors.Add(new("$.supplierOrgId", "no member organisation with this id"));
        var supplierName = supplier?.Name ?? b.SupplierName?.Trim();
        if (string.IsNullOrWhiteSpace(supplierName) || supplierName.Length > 200 || supplierName.Any(char.IsControl))
            errors.Add(new("$.supplierName", "the supplier: pick a member or write its name (at most 200 characters)"));
        if (b.Quantity is { } q && (q <= 0 || q > RecallsApi.MaxQuantity || q.Scale > 6)) errors.Add(new("$.quantity", "a number above 0 and at most 1,000,000,000"));
        if (b.Quantity is null) errors.Add(new("$.quantity", "required"));
        if (!UnitOfMeasure.TryGet(b.Unit?.Trim(), out var unit)) errors.Add(new("$.unit", "a UN/ECE Recommendation 20 unit code (GET /units)"));
        if (!Console.OffsetTime.TryParse(b.CheckedAt, out var checkedAt)) errors.Add(new("$.checkedAt", "when it was checked, RFC 3339, e.g. 2026-11-14T09:40:00+08:00"));
        if (string.IsNullOrWhiteSpace(b.CertificateNo) || b.CertificateNo.Trim().Length > 64 || b.CertificateNo.Any(char.IsControl))
            errors.Add(new("$.certificateNo", "the supplier's inspection certificate number (检验合格证号), at most 64 characters"));
        if (b.Note is { } note && (note.Length > 500 || note.Any(char.IsControl))) errors.Add(new("$.note", "at most 500 characters on one line"));
        if (errors.Count > 0) throw TraceError.Invalid("invalid-incoming-check", "the incoming check is not valid; nothing was stored", errors);

        var quantity = new JsonObject { ["epcClass"] = new GtinLink(gtin!, lot!).ToUri(), ["quantity"] = b.Quantity!.Value };
        if (unit!.Code != UnitOfMeasure.Each) quantity["uom"] = unit.Code;
        var evt = new JsonObject
        {
            ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", new JsonObject { [Prefix] = Namespace }),
            ["type"] = "ObjectEvent",
            ["eventTime"] = checkedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["eventTimeZoneOffset"] = checkedAt.ToString("zzz", CultureInfo.InvariantCulture),
            ["action"] = "OBSERVE",
            ["bizStep"] = "inspecting",
            ["quantityList"] = new JsonArray(quantity),
            [$"{Prefix}:supplier"] = supplierName!,
            [$"{Prefix}:certificateNo"] = b.CertificateNo!.Trim(),
        };
        if (org.Gln is { } gln) evt["bizLocation"] = new JsonObject { ["id"] = $"https://id.gs1.org/414/{gln}" };
        if (supplier?.Gln is { } supplierGln) evt[$"{Prefix}:supplierGln"] = supplierGln;
        if (!string.IsNullOrWhiteSpace(b.Note)) evt[$"{Prefix}:note"] = b.Note.Trim();
        var eventId = await capture.CaptureEventAsync(org, evt, cancellationToken);
        var stored = await store.GetEventAsync(eventId, cancellationToken);
        var view = Read(stored!, orgs, null) ?? throw new InvalidOperationException("the stored check cannot be read back");
        return TypedResults.Created($"/events/{Uri.EscapeDataString(eventId)}", view);
    }

    public static async Task<Ok<List<CheckView>>> List(string? orgId, HttpContext context, Caller caller, ITraceStore store, OrganisationDirectory directory,
        CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        if (orgId is not null && org.Role != OrgRole.Regulator && orgId != org.Id)
            throw TraceError.Forbidden("not-yours", "only regulators see other organisations' incoming checks");
        // Lab results are "inspecting" events too: read newest first, page by page, until enough checks are found or
        // the scan budget is spent, so new checks never fall off the end and one request costs a bounded read.
        var orgs = await directory.GetAsync(cancellationToken);
        var checks = new List<(StoredEvent Event, CheckView View)>();
        long after = 0;
        for (var scanned = 0; scanned < ScanBudget && checks.Count < MaxChecks;)
        {
            var page = await store.QueryEventsAsync(new EventQuery
            {
                BizSteps = [Cbv.ToUri(CbvVocabulary.BizStep, "inspecting")],
                OrgId = org.Role == OrgRole.Regulator ? orgId : org.Id,
                Descending = true,
                AfterSequence = after,
                PerPage = 1000,
            }, cancellationToken);
            scanned += page.Events.Count;
            foreach (var e in page.Events)
                if (!e.Declared && Read(e, orgs, null) is { } view) checks.Add((e, view));
            if (page.NextAfterSequence is not { } next) break;
            after = next;
        }
        var anchors = await store.GetEventAnchorsAsync(checks.Select(c => c.Event.EventId).ToList(), cancellationToken);
        return TypedResults.Ok(checks.Take(MaxChecks).Select(c => c.View with { Anchor = LotsApi.Anchor(anchors.GetValueOrDefault(c.Event.EventId)) })
            .OrderByDescending(c => c.CheckedAt, StringComparer.Ordinal).ToList());
    }

    private static CheckView? Read(StoredEvent e, OrganisationDirectory.Snapshot orgs, EventAnchor? anchor)
    {
        if (JsonNode.Parse(e.Json) is not JsonObject json) return null;
        var context = Domain.Epcis.JsonLd.JsonLdContext.Epcis.With(json["@context"]);
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in json)
            if (context.ExpandName(name) is { } iri && iri.StartsWith(Namespace, StringComparison.Ordinal)) fields[iri[Namespace.Length..]] = value;
        if (Text(fields.GetValueOrDefault("certificateNo")) is not { } certificate) return null;
        var q = (json["quantityList"] as JsonArray)?.FirstOrDefault() as JsonObject;
        var lotKey = e.LotKeys.FirstOrDefault(k => k.StartsWith("/01/", StringComparison.Ordinal));
        if (lotKey is null || Domain.Custody.Identifiers.SplitLot(lotKey) is not var (gtin, lot)) return null;
        return new CheckView(e.EventId, e.OrgId, orgs.Get(e.OrgId)?.Name ?? e.OrgId, gtin, lot, Text(fields.GetValueOrDefault("supplier")) ?? "",
            Text(fields.GetValueOrDefault("supplierGln")), q?["quantity"] is JsonValue v && v.TryGetValue<decimal>(out var amount) ? amount : null,
            Text(q?["uom"]) ?? (q?["quantity"] is null ? null : UnitOfMeasure.Each),
            Text(json["eventTime"]) ?? "", certificate, Text(fields.GetValueOrDefault("note")), LotsApi.Anchor(anchor));
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
