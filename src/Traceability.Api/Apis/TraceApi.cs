using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Genealogy;
using Traceability.Domain;
using Traceability.Domain.Custody;
using Traceability.Domain.Genealogy;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>GET /trace/{gtin}/{lot}: a lot's genealogy from the in-memory index, forwards, backwards or both.</summary>
public static class TraceApi
{
    public sealed record TraceLot(string Id, string? Gtin, string? Lot, string? Sscc);
    public sealed record TraceEdgeView(string From, string To, string Kind, string EventId);
    public sealed record TraceParty(string Id, string Gln, string? OrgId, string? Name);
    public sealed record TraceView(string Root, string Direction, IReadOnlyList<TraceLot> Lots, IReadOnlyList<TraceEdgeView> Edges, IReadOnlyList<TraceParty> Parties, bool Truncated);

    public static IEndpointRouteBuilder MapTraceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/trace/{gtin}/{lot}", Trace).WithTags("Trace and recall")
            .WithSummary("Trace a lot through transformations, aggregations and shipments (regulators; producers for their own lots)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    public static async Task<Ok<TraceView>> Trace(
        string gtin, string lot, string? direction, HttpContext context, Caller caller, ITraceStore store, LotIndex index,
        Organisations.OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var org = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Regulator, OrgRole.Producer);
        var dir = (direction ?? "both").ToLowerInvariant() switch
        {
            "forward" => TraceDirection.Forward,
            "backward" => TraceDirection.Backward,
            "both" => TraceDirection.Both,
            _ => throw TraceError.Invalid("invalid-query", "direction", "forward, backward or both"),
        };
        var lotKey = LotAccess.LotKey(gtin, lot);
        await LotAccess.RequireAsync(org, lotKey, store, directory, cancellationToken);
        await index.Loaded.WaitAsync(cancellationToken);
        var result = index.Graph.Trace(lotKey, dir);
        return TypedResults.Ok(await ViewAsync(result, dir, directory, cancellationToken));
    }

    public static async Task<TraceView> ViewAsync(
        TraceResult result, TraceDirection direction, Organisations.OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var orgs = await directory.GetAsync(cancellationToken);
        var parties = new List<TraceParty>();
        foreach (var id in result.Parties)
        {
            var gln = id.Split('/')[2];
            var org = orgs.Get(orgs.OrgIdByGln(gln));
            parties.Add(new TraceParty(id, gln, org?.Id, org?.Name));
        }
        return new TraceView(
            result.Root,
            direction.ToString().ToLowerInvariant(),
            result.Lots.Select(Describe).ToList(),
            result.Edges.Select(e => new TraceEdgeView(e.From, e.To, e.Kind.Name(), e.EventId)).ToList(),
            parties,
            result.Truncated);
    }

    /// <summary>A node key (/01/{gtin}/10/{lot}, /00/{sscc}, /01/{gtin}/21/{serial}) with its parts spelled out.</summary>
    public static TraceLot Describe(string key)
    {
        if (Identifiers.SplitLot(key) is var (gtin, lot)) return new TraceLot(key, gtin, lot, null);
        return key.Split('/') switch
        {
            [_, "00", var sscc] => new TraceLot(key, null, null, sscc),
            [_, "01", var g, ..] => new TraceLot(key, g, null, null),
            _ => new TraceLot(key, null, null, null),
        };
    }
}
