using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Traceability.Ledger;
using Traceability.Storage;

namespace Traceability.Api.Apis;

public static class HealthApi
{
    /// <summary>The ledger's health: for an EVM chain its RPC URL, chain id and contract; for Fabric the peer, channel and chaincode.</summary>
    public sealed record ChainHealth(string Status, string Kind, string RpcUrl, string? ChainId, string? Contract, ulong? LastBlock, string? Error);

    public sealed record StoreHealth(string Status, string Kind, long Events, long Organisations);

    /// <summary>Backlog = events not yet anchored; Stalled (with the reason) while the worker cannot reach the chain.</summary>
    public sealed record AnchoringHealth(string Status, long Backlog, string? Error);

    /// <param name="LotIndex">The in-memory lot graph traces read: <c>loading</c> (after a start, every event is read into it; traces wait) or <c>loaded</c>.</param>
    public sealed record Readiness(string Status, StoreHealth Store, ChainHealth Chain, AnchoringHealth Anchoring, string LotIndex);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", () => TypedResults.Ok(new { status = "Healthy" })).WithSummary("The process runs");
        health.MapGet("/ready", Ready).WithSummary("Store, chain and anchoring state; Degraded while the chain is unreachable");
        app.MapGet("/ledger", LedgerInfo).WithTags("Ledger").WithSummary("The chain and contract that anchor this system's events");
        return app;
    }

    public static async Task<Ok<Readiness>> Ready(
        ITraceStore store, ILedger ledger, IOptions<TraceOptions> options, Anchoring.AnchoringWorker worker, Genealogy.LotIndex index,
        CancellationToken cancellationToken)
    {
        var stats = await store.GetStatsAsync(cancellationToken);
        var lastBlock = await ledger.ProbeAsync(cancellationToken);
        var identity = ledger.Identity;
        var chain = new ChainHealth(
            lastBlock is null ? "Degraded" : "Healthy",
            identity?.Kind ?? options.Value.Ledger.Kind,
            options.Value.Ledger.Kind == "fabric" ? options.Value.Ledger.FabricNetwork ?? "" : options.Value.Ledger.RpcUrl,
            identity?.Network,
            identity?.Contract,
            lastBlock,
            lastBlock is null ? ledger.LastError : null);
        var anchoring = new AnchoringHealth(worker.LastError is null ? "Running" : "Stalled", stats.UnanchoredEvents, worker.LastError);
        var status = chain.Status == "Healthy" && anchoring.Status == "Running" ? "Healthy" : "Degraded";
        return TypedResults.Ok(new Readiness(status, new StoreHealth("Healthy", stats.Kind, stats.Events, stats.Organisations), chain, anchoring, index.IsLoaded ? "loaded" : "loading"));
    }

    /// <summary>GET /ledger: EVM <c>{ kind, chainId, contract, rpcUrl }</c> (API.md), Fabric <c>{ kind, channel, chaincode }</c>.</summary>
    public sealed record LedgerView(string Kind, long? ChainId, string? Contract, string? RpcUrl, string? Channel, string? Chaincode);

    public static Results<Ok<LedgerView>, ProblemHttpResult> LedgerInfo(ILedger ledger)
    {
        if (ledger.Identity is not { } id)
            return TypedResults.Problem(Errors.ProblemMapping.Create(503, "ledger-unavailable", "Ledger unavailable", ledger.LastError ?? "not connected"));
        return TypedResults.Ok(id.Kind == "evm"
            ? new LedgerView("evm", long.Parse(id.Network, System.Globalization.CultureInfo.InvariantCulture), id.Contract, id.PublicEndpoint, null, null)
            : new LedgerView(id.Kind, null, null, null, id.Network, id.Contract));
    }
}
