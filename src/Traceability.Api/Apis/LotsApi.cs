using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Genealogy;
using Traceability.Api.Organisations;
using Traceability.Domain;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Genealogy;
using Traceability.Domain.Gs1;
using Traceability.Domain.Lab;
using Traceability.Domain.Organisations;
using Traceability.Domain.Trust;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// What the console shows about lots, each read under the trust model's rules: one lot's record (its events as the
/// caller may read them, with their anchoring, its lab results, recalls and custody), a trace as a graph with the marks a
/// regulator needs (recalled, non-conformant, parties outside the consortium), and the shipments addressed to the caller.
/// </summary>
public static class LotsApi
{
    public sealed record AnchorView(string Status, ulong? BlockNumber, string? TxHash);
    public sealed record EventRow(string EventId, string Type, string? BizStep, string? Disposition, DateTimeOffset EventTime, string WriterOrgId, string Writer,
        string Standing, bool Declared, bool Full, AnchorView Anchor, JsonObject Json);
    public sealed record LabRow(string EventId, string Analyte, string Method, string Found, string Verdict, DateTimeOffset TestedAt, string? TestSite,
        string? RetestOf, string? PhotoSha256, string Lab);
    public sealed record RecallRow(string Id, string Status, string Reason, string Classification, DateTimeOffset CreatedAt);
    public sealed record LotView(string LotKey, string Gtin, string Lot, IReadOnlyDictionary<string, string> ProductName, string? Creator, string? Holder,
        IReadOnlyList<string> Custodians, bool NonConformant, IReadOnlyList<RecallRow> Recalls, IReadOnlyList<EventRow> Events, IReadOnlyList<LabRow> LabResults);
    public sealed record GraphNode(string Id, string Kind, string Label, string? Gtin, string? Lot, string? Sscc, bool Recalled, bool NonConformant, bool Member, bool Root);
    public sealed record GraphView(string Root, string Direction, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<TraceApi.TraceEdgeView> Edges, bool Truncated);
    public sealed record Shipment(string EventId, DateTimeOffset EventTime, string FromOrgId, string From, IReadOnlyList<string> Lots, IReadOnlyList<string> Units,
        bool Received, AnchorView Anchor, JsonObject Json);

    public static IEndpointRouteBuilder MapLotsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/lots/{gtin}/{lot}", Lot).RequireAuthorization(Policies.Organisation).WithTags("Trace and recall")
            .WithSummary("A lot's record: events as the caller may read them with their anchoring, lab results, recalls, custody (regulators, its custody chain, its GTIN's holder)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        app.MapGet("/trace/{gtin}/{lot}/graph", Graph).RequireAuthorization(Policies.RegulatorOrProducer).WithTags("Trace and recall")
            .WithSummary("A trace as nodes and edges, marked recalled, non-conformant, or outside the consortium").ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        app.MapGet("/shipments/incoming", Incoming).RequireAuthorization(Policies.Organisation).WithTags("Trace and recall")
            .WithSummary("Shipments addressed to the caller's GLN, newest first, and whether the caller has received them");
        return app;
    }

    public static async Task<Ok<LotView>> Lot(string gtin, string lot, HttpContext context, Caller caller, ITraceStore store, OrganisationDirectory directory,
        CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var lotKey = LotAccess.LotKey(gtin, lot);
        var state = (await store.GetLotsAsync([lotKey], cancellationToken)).GetValueOrDefault(lotKey)
            ?? throw TraceError.NotFound("unknown-lot", $"no lot {lotKey} is known here");
        var orgs = await directory.GetAsync(cancellationToken);
        var rights = await directory.RightsAsync([state.Gtin], store, cancellationToken);
        var mayRead = org.Role == OrgRole.Regulator || state.CreatorOrgId == org.Id || state.Custodians.Contains(org.Id)
            || state.HolderOrgId == org.Id || state.PendingReceiverOrgId == org.Id
            || rights.TryGetValue(state.Gtin, out var r) && r.OwnerOrgId == org.Id;
        if (!mayRead) throw TraceError.Forbidden("not-your-lot", "only regulators, the lot's custody chain and the holder of its GTIN see its record");

        var events = (await store.QueryEventsAsync(new EventQuery { LotKeys = [lotKey], PerPage = 1000 }, cancellationToken)).Events;
        var entitlement = await Entitlement.ForAsync(org, events, store, directory, cancellationToken);
        var anchors = await store.GetEventAnchorsAsync(events.Select(e => e.EventId).ToList(), cancellationToken);
        var rows = new List<EventRow>();
        var labs = new List<LabRow>();
        foreach (var e in events.OrderBy(e => e.EventTime))
        {
            var full = entitlement.MayReadInFull(e);
            var json = entitlement.Serve(e);
            rows.Add(new EventRow(e.EventId, e.EventType, Short(e.BizStep), Short(e.Disposition), e.EventTime, e.OrgId, orgs.Get(e.OrgId)?.Name ?? e.OrgId,
                e.Standing.Name(), e.Declared, full, Anchor(anchors.GetValueOrDefault(e.EventId)), json));
            if (!e.Declared && JsonNode.Parse(e.Json) is JsonObject original && LabResult.TryRead(original, out var result))
                labs.Add(new LabRow(e.EventId, result.Analyte.Name, result.Method.Value,
                    result.Measured is { } m ? $"{m.Value} {m.Unit.Symbol}" : result.Qualitative?.ToWord() ?? "", result.Verdict.ToWord(), result.TestedAt, result.TestSite,
                    result.RetestOf, org.Role == OrgRole.Regulator || e.OrgId == org.Id ? result.PhotoSha256 : null, orgs.Get(e.OrgId)?.Name ?? e.OrgId));
        }
        var recalls = (await store.GetRecallsForLotAsync(lotKey, cancellationToken))
            .Select(x => new RecallRow(x.Id, x.IsActive ? "active" : "lifted", x.Reason, x.Classification.ToString(), x.CreatedAt)).ToList();
        var product = await store.GetProductAsync(state.Gtin, cancellationToken);
        return TypedResults.Ok(new LotView(lotKey, state.Gtin, state.Lot, product?.Name ?? new Dictionary<string, string>(), Name(state.CreatorOrgId), Name(state.HolderOrgId),
            state.Custodians.Select(c => Name(c)!).ToList(), state.NonConformant, recalls, rows, labs));

        string? Name(string? orgId) => orgId is null ? null : orgs.Get(orgId)?.Name ?? orgId;
    }

    public static async Task<Ok<GraphView>> Graph(string gtin, string lot, string? direction, HttpContext context, Caller caller, ITraceStore store,
        LotIndex index, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var trace = (await TraceApi.Trace(gtin, lot, direction, context, caller, store, index, directory, cancellationToken)).Value!;
        var lotKeys = trace.Lots.Where(l => l.Lot is not null).Select(l => l.Id).Append(trace.Root).Distinct(StringComparer.Ordinal).ToList();
        var states = await store.GetLotsAsync(lotKeys, cancellationToken);
        var recalled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in trace.Lots.Select(l => l.Id).Append(trace.Root).Distinct(StringComparer.Ordinal))
            if ((await store.GetRecallsForLotAsync(key, cancellationToken)).Any(x => x.IsActive)) recalled.Add(key);
        var products = await store.GetProductsAsync(lotKeys.Select(k => states.GetValueOrDefault(k)?.Gtin).OfType<string>().Distinct().ToList(), cancellationToken);

        var nodes = new List<GraphNode>();
        foreach (var l in trace.Lots.Append(TraceApi.Describe(trace.Root)).DistinctBy(l => l.Id))
        {
            var name = l.Gtin is { } g && products.TryGetValue(Gtin.TryParse(g, out var parsed) ? parsed.Value : g, out var p)
                ? p.Name.GetValueOrDefault("zh-CN") ?? p.Name.Values.First() : null;
            var label = l.Sscc is { } sscc ? $"SSCC {sscc}" : $"{name ?? l.Gtin} · {l.Lot}";
            nodes.Add(new GraphNode(l.Id, l.Sscc is not null ? "unit" : "lot", label, l.Gtin, l.Lot, l.Sscc, recalled.Contains(l.Id),
                states.GetValueOrDefault(l.Id)?.NonConformant == true, true, l.Id == trace.Root));
        }
        var orgs = await directory.GetAsync(cancellationToken);
        foreach (var p in trace.Parties)
            nodes.Add(new GraphNode(p.Id, "party", p.Name ?? $"GLN {p.Gln}", null, null, null, false, false, p.OrgId is not null, false));
        return TypedResults.Ok(new GraphView(trace.Root, trace.Direction, nodes, trace.Edges, trace.Truncated));
    }

    public static async Task<Ok<List<Shipment>>> Incoming(HttpContext context, Caller caller, ITraceStore store, OrganisationDirectory directory,
        CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        if (org.Gln is null) return TypedResults.Ok(new List<Shipment>());
        var shipping = Cbv.ToUri(CbvVocabulary.BizStep, "shipping");
        var mine = new List<StoredEvent>();
        long after = 0;
        for (var pages = 0; pages < 10; pages++) // the last 10,000 shipments at most
        {
            var page = await store.QueryEventsAsync(new EventQuery { BizSteps = [shipping], PerPage = 1000, AfterSequence = after }, cancellationToken);
            mine.AddRange(page.Events.Where(e => !e.Declared && e.PartyGlns.Contains(org.Gln)));
            if (page.NextAfterSequence is not { } next) break;
            after = next;
        }
        var receipts = (await store.QueryEventsAsync(new EventQuery { BizSteps = [Cbv.ToUri(CbvVocabulary.BizStep, "receiving")], OrgId = org.Id, PerPage = 10_000 },
            cancellationToken)).Events;
        var received = receipts.SelectMany(e => e.LotKeys.Concat(e.Epcs.Select(Identifiers.ContainerPath).OfType<string>())).ToHashSet(StringComparer.Ordinal);
        var anchors = await store.GetEventAnchorsAsync(mine.Select(e => e.EventId).ToList(), cancellationToken);
        var orgs = await directory.GetAsync(cancellationToken);
        var entitlement = await Entitlement.ForAsync(org, mine, store, directory, cancellationToken);
        return TypedResults.Ok(mine.OrderByDescending(e => e.EventTime).Take(200).Select(e =>
        {
            var units = e.Epcs.Select(Identifiers.ContainerPath).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var lots = e.LotKeys.Where(k => k.StartsWith("/01/", StringComparison.Ordinal)).ToList();
            return new Shipment(e.EventId, e.EventTime, e.OrgId, orgs.Get(e.OrgId)?.Name ?? e.OrgId, lots, units,
                lots.Concat(units).Any(received.Contains), Anchor(anchors.GetValueOrDefault(e.EventId)), entitlement.Serve(e));
        }).ToList());
    }

    public static AnchorView Anchor(EventAnchor? anchor) => anchor is { IsAnchored: true, Batch: { } b }
        ? new AnchorView("anchored", b.BlockNumber, b.TxHash)
        : new AnchorView("pending", null, null);

    private static string? Short(string? uri) => uri is null ? null : Cbv.ShortName(uri);
}
