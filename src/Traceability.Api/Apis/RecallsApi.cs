using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Genealogy;
using Traceability.Api.Http;
using Traceability.Api.Organisations;
using Traceability.Api.Recalls;
using Traceability.Domain;
using Traceability.Domain.Organisations;
using Traceability.Domain.Units;
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
        IReadOnlyList<RecalledLot> AffectedLots, IReadOnlyList<string> AffectedUnits, IReadOnlyList<PartyView> Parties, IReadOnlyList<string> TxHashes,
        int PartiesAcknowledged, IReadOnlyDictionary<string, decimal> QuantityRemoved, string Status, RecallLifting? Lifted);

    /// <summary>Largest quantity one party may report: more than any shop holds, far below what sums could overflow.</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

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

    public static async Task<Results<Created<RecallView>, Ok<RecallView>>> Order(
        HttpContext context, Caller caller, ITraceStore store, RecallService recalls, OrganisationDirectory directory, RecallAnnouncer announcer,
        CancellationToken cancellationToken)
    {
        var org = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Regulator, OrgRole.Producer);
        var body = await JsonBody.ReadAsync<RecallRequest>(context.Request, cancellationToken, "invalid-recall");
        var idempotencyKey = context.Request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > 200 || idempotencyKey.Any(char.IsControl))
            throw TraceError.Invalid("invalid-recall", "Idempotency-Key", "at most 200 printable characters");
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.Gtin)) errors.Add(new("$.gtin", "required"));
        if (string.IsNullOrWhiteSpace(body.Lot)) errors.Add(new("$.lot", "required"));
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500) errors.Add(new("$.reason", "required, at most 500 characters"));
        if (errors.Count > 0) throw TraceError.Invalid("invalid-recall", "the recall is incomplete; nothing was recalled", errors);
        var classification = RecallService.ParseClassification(body.Classification);
        var lotKey = LotAccess.LotKey(body.Gtin!, body.Lot!);

        var (recall, isNew) = await recalls.OrderAsync(org, lotKey, body.Reason!.Trim(), classification,
            idempotencyKey.Length == 0 ? null : idempotencyKey, cancellationToken);
        // Subscribers learn of it as an EPCIS event; the recall is on-chain already, so this runs even if the caller hangs up.
        if (isNew) await announcer.AnnounceAsync(recall, CancellationToken.None);
        var view = await ViewAsync(recall, store, directory, cancellationToken);
        return isNew ? TypedResults.Created($"/recalls/{recall.Id}", view) : TypedResults.Ok(view); // the same order sent again
    }

    public static async Task<Ok<List<RecallView>>> List(
        string? affecting, HttpContext context, Caller caller, ITraceStore store, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        if (affecting is not null && affecting != "me") throw TraceError.Invalid("invalid-query", "affecting", "only affecting=me is supported");
        var all = affecting is null && org.Role == OrgRole.Regulator;
        var list = (await store.ListRecallsAsync(all ? null : org.Id, cancellationToken)).ToList();
        if (affecting is null && !all)
            list.AddRange((await store.ListRecallsAsync(null, cancellationToken)).Where(r => r.InitiatedByOrgId == org.Id && list.All(x => x.Id != r.Id)));
        var views = new List<RecallView>();
        foreach (var r in list.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)) views.Add(await ViewAsync(r, store, directory, cancellationToken));
        return TypedResults.Ok(views);
    }

    public static async Task<Ok<RecallView>> Get(
        string id, HttpContext context, Caller caller, ITraceStore store, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var recall = await VisibleAsync(id, org, store, cancellationToken);
        return TypedResults.Ok(await ViewAsync(recall, store, directory, cancellationToken));
    }

    /// <summary>One acknowledgement per party and recall: the first is 201, a later one replaces it (200).</summary>
    public static async Task<Results<Created<RecallAcknowledgement>, Ok<RecallAcknowledgement>>> Acknowledge(
        string id, HttpContext context, Caller caller, ITraceStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var recall = await VisibleAsync(id, org, store, cancellationToken);
        if (!recall.PartyOrgIds.Contains(org.Id))
            throw TraceError.Forbidden("not-a-party", "only organisations holding or receiving the recalled lots acknowledge a recall");
        var body = await JsonBody.ReadAsync<AcknowledgementRequest>(context.Request, cancellationToken, "invalid-acknowledgement");
        var errors = new List<FieldError>();
        if (body.QuantityRemoved is not { } quantity || quantity < 0 || quantity > MaxQuantity || quantity.Scale > 6)
            errors.Add(new("$.quantityRemoved", $"a number from 0 to {MaxQuantity:0} with at most 6 decimals"));
        if (!UnitOfMeasure.TryGet(body.Unit?.Trim(), out var unit))
            errors.Add(new("$.unit", "a UN/ECE Recommendation 20 unit code, e.g. EA (each), XCS (case), KGM (kilogram): see GET /units"));
        if (body.Note is { Length: > 1000 }) errors.Add(new("$.note", "at most 1000 characters"));
        if (errors.Count > 0) throw TraceError.Invalid("invalid-acknowledgement", "the acknowledgement is not valid; nothing was stored", errors);

        var ack = new RecallAcknowledgement(recall.Id, org.Id, body.QuantityRemoved!.Value, unit!.Code, body.Note, clock.GetUtcNow());
        var replaced = await store.SaveAcknowledgementAsync(ack, cancellationToken);
        return replaced ? TypedResults.Ok(ack) : TypedResults.Created($"/recalls/{recall.Id}", ack);
    }

    public static async Task<Ok<RecallView>> Lift(
        string id, HttpContext context, Caller caller, ITraceStore store, RecallService recalls, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var org = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Regulator);
        var body = await JsonBody.ReadAsync<LiftRequest>(context.Request, cancellationToken, "invalid-lifting");
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500)
            throw TraceError.Invalid("invalid-lifting", "$.reason", "required, at most 500 characters: why the recall can end");
        var recall = await recalls.LiftAsync(org, id, body.Reason.Trim(), cancellationToken);
        return TypedResults.Ok(await ViewAsync(recall, store, directory, cancellationToken));
    }

    /// <summary>Regulators see every recall; others those they ordered or are named in (others are reported absent).</summary>
    private static async Task<Recall> VisibleAsync(string id, Organisation org, IRecallStore store, CancellationToken cancellationToken)
    {
        var recall = id.Length > 100 ? null : await store.GetRecallAsync(id, cancellationToken);
        if (recall is null || (org.Role != OrgRole.Regulator && recall.InitiatedByOrgId != org.Id && !recall.PartyOrgIds.Contains(org.Id)))
            throw TraceError.NotFound("not-found", $"no recall {id}");
        return recall;
    }

    public static async Task<RecallView> ViewAsync(Recall r, IRecallStore store, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var acks = await store.GetAcknowledgementsAsync(r.Id, cancellationToken);
        var orgs = await directory.GetAsync(cancellationToken);
        var parties = new List<PartyView>();
        foreach (var orgId in r.PartyOrgIds)
        {
            var org = orgs.Get(orgId);
            var mine = acks.Where(a => a.OrgId == orgId).ToList();
            parties.Add(new PartyView(orgId, org?.Name ?? orgId, mine.Count > 0, mine));
        }
        var removed = acks.GroupBy(a => a.Unit).ToDictionary(g => g.Key, g => g.Sum(a => a.QuantityRemoved));
        return new RecallView(r.Id, r.Origin, r.Reason, r.Classification.ToString(), r.InitiatedByOrgId, r.CreatedAt,
            r.AffectedLots, r.AffectedUnits, parties, r.TxHashes, parties.Count(p => p.Acknowledged), removed, r.IsActive ? "active" : "lifted", r.Lifted);
    }
}
