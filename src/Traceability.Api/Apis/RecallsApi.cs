using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Genealogy;
using Traceability.Api.Recalls;
using Traceability.Domain;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Apis;

public static class RecallsApi
{
    public sealed record RecallRequest(string? Gtin, string? Lot, string? Reason, string? Classification);
    public sealed record AcknowledgementRequest(decimal? QuantityRemoved, string? Unit, string? Note);
    public sealed record LiftRequest(string? Reason);
    public sealed record PartyView(string OrgId, string Name, bool Acknowledged, IReadOnlyList<RecallAcknowledgement> Acknowledgements);
    public sealed record RecallView(
        string Id, RecalledLot Origin, string Reason, string Classification, string InitiatedByOrgId, DateTimeOffset CreatedAt,
        IReadOnlyList<RecalledLot> AffectedLots, IReadOnlyList<PartyView> Parties, IReadOnlyList<string> TxHashes,
        int PartiesAcknowledged, IReadOnlyDictionary<string, decimal> QuantityRemoved, string Status, RecallLifting? Lifted);

    public static IEndpointRouteBuilder MapRecallsApi(this IEndpointRouteBuilder app)
    {
        var recalls = app.MapGroup("/recalls").WithTags("Trace and recall");
        recalls.MapPost("", Order).WithSummary("Order a recall of a lot and everything it went into (regulators; producers for their own lots)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        recalls.MapGet("", List).WithSummary("Recalls: ?affecting=me for those naming the caller; regulators see all");
        recalls.MapGet("/{id}", Get).WithSummary("A recall with its parties and their acknowledgements");
        recalls.MapPost("/{id}/acknowledgements", Acknowledge).WithSummary("A holder reports what it removed");
        recalls.MapPost("/{id}/lift", Lift).WithSummary("End a recall once the hazard is resolved (regulators): liftRecall on-chain")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(503);
        return app;
    }

    public static async Task<Created<RecallView>> Order(HttpContext context, Caller caller, ITraceStore store, RecallService recalls, CancellationToken cancellationToken)
    {
        var org = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Regulator, OrgRole.Producer);
        var body = await ReadAsync<RecallRequest>(context, cancellationToken);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.Gtin)) errors.Add(new("$.gtin", "required"));
        if (string.IsNullOrWhiteSpace(body.Lot)) errors.Add(new("$.lot", "required"));
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500) errors.Add(new("$.reason", "required, at most 500 characters"));
        if (errors.Count > 0) throw TraceError.Invalid("invalid-recall", "the recall is incomplete; nothing was recalled", errors);
        var classification = RecallService.ParseClassification(body.Classification);
        var lotKey = LotAccess.LotKey(body.Gtin!, body.Lot!);

        var recall = await recalls.OrderAsync(org, lotKey, body.Reason!.Trim(), classification, cancellationToken);
        return TypedResults.Created($"/recalls/{recall.Id}", await ViewAsync(recall, store, cancellationToken));
    }

    public static async Task<Ok<List<RecallView>>> List(string? affecting, HttpContext context, Caller caller, ITraceStore store, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        if (affecting is not null && affecting != "me") throw TraceError.Invalid("invalid-query", "affecting", "only affecting=me is supported");
        var all = affecting is null && org.Role == OrgRole.Regulator;
        var list = (await store.ListRecallsAsync(all ? null : org.Id, cancellationToken)).ToList();
        if (affecting is null && !all)
            list.AddRange((await store.ListRecallsAsync(null, cancellationToken)).Where(r => r.InitiatedByOrgId == org.Id && list.All(x => x.Id != r.Id)));
        var views = new List<RecallView>();
        foreach (var r in list.OrderByDescending(r => r.CreatedAt)) views.Add(await ViewAsync(r, store, cancellationToken));
        return TypedResults.Ok(views);
    }

    public static async Task<Ok<RecallView>> Get(string id, HttpContext context, Caller caller, ITraceStore store, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var recall = await VisibleAsync(id, org, store, cancellationToken);
        return TypedResults.Ok(await ViewAsync(recall, store, cancellationToken));
    }

    public static async Task<Created<RecallAcknowledgement>> Acknowledge(
        string id, HttpContext context, Caller caller, ITraceStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var recall = await VisibleAsync(id, org, store, cancellationToken);
        if (!recall.PartyOrgIds.Contains(org.Id))
            throw TraceError.Forbidden("not-a-party", "only organisations holding or receiving the recalled lots acknowledge a recall");
        var body = await ReadAsync<AcknowledgementRequest>(context, cancellationToken);
        var errors = new List<FieldError>();
        if (body.QuantityRemoved is not { } quantity || quantity < 0) errors.Add(new("$.quantityRemoved", "a number of at least 0"));
        if (string.IsNullOrWhiteSpace(body.Unit) || body.Unit.Length > 10) errors.Add(new("$.unit", "a unit code such as EA or KGM"));
        if (body.Note is { Length: > 1000 }) errors.Add(new("$.note", "at most 1000 characters"));
        if (errors.Count > 0) throw TraceError.Invalid("invalid-acknowledgement", "the acknowledgement is not valid; nothing was stored", errors);

        var ack = new RecallAcknowledgement(recall.Id, org.Id, body.QuantityRemoved!.Value, body.Unit!.Trim().ToUpperInvariant(), body.Note, clock.GetUtcNow());
        await store.AddAcknowledgementAsync(ack, cancellationToken);
        return TypedResults.Created($"/recalls/{recall.Id}", ack);
    }

    public static async Task<Ok<RecallView>> Lift(
        string id, HttpContext context, Caller caller, ITraceStore store, RecallService recalls, CancellationToken cancellationToken)
    {
        var org = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Regulator);
        var body = await ReadAsync<LiftRequest>(context, cancellationToken);
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500)
            throw TraceError.Invalid("invalid-lifting", "$.reason", "required, at most 500 characters: why the recall can end");
        var recall = await recalls.LiftAsync(org, id, body.Reason.Trim(), cancellationToken);
        return TypedResults.Ok(await ViewAsync(recall, store, cancellationToken));
    }

    /// <summary>Regulators see every recall; others those they ordered or are named in (others are reported absent).</summary>
    private static async Task<Recall> VisibleAsync(string id, Organisation org, ITraceStore store, CancellationToken cancellationToken)
    {
        var recall = await store.GetRecallAsync(id, cancellationToken);
        if (recall is null || (org.Role != OrgRole.Regulator && recall.InitiatedByOrgId != org.Id && !recall.PartyOrgIds.Contains(org.Id)))
            throw TraceError.NotFound("not-found", $"no recall {id}");
        return recall;
    }

    public static async Task<RecallView> ViewAsync(Recall r, ITraceStore store, CancellationToken cancellationToken)
    {
        var acks = await store.GetAcknowledgementsAsync(r.Id, cancellationToken);
        var parties = new List<PartyView>();
        foreach (var orgId in r.PartyOrgIds)
        {
            var org = await store.GetOrganisationAsync(orgId, cancellationToken);
            var mine = acks.Where(a => a.OrgId == orgId).ToList();
            parties.Add(new PartyView(orgId, org?.Name ?? orgId, mine.Count > 0, mine));
        }
        var removed = acks.GroupBy(a => a.Unit).ToDictionary(g => g.Key, g => g.Sum(a => a.QuantityRemoved));
        return new RecallView(r.Id, r.Origin, r.Reason, r.Classification.ToString(), r.InitiatedByOrgId, r.CreatedAt,
            r.AffectedLots, parties, r.TxHashes, parties.Count(p => p.Acknowledged), removed, r.IsActive ? "active" : "lifted", r.Lifted);
    }

    private static async Task<T> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken) where T : class
    {
        var json = await CaptureApi.ReadJsonAsync(context.Request, cancellationToken);
        try
        {
            return json.Deserialize<T>(JsonSerializerOptions.Web) ?? throw TraceError.Invalid("invalid-body", "$", "the body must be an object");
        }
        catch (JsonException ex)
        {
            throw TraceError.Invalid("invalid-body", ex.Path ?? "$", $"a field has the wrong type: {ex.Message}");
        }
    }
}
