using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Traceability.Api.Ledger;
using Traceability.Storage;

namespace Traceability.Api.Apis;

public static class HealthApi
{
    public sealed record ChainHealth(string Status, string RpcUrl, string? ChainId, string? Contract, ulong? LastBlock, string? Error);

    public sealed record StoreHealth(string Status, string Kind, long Events, long Organisations);

    /// <summary>Backlog = events not yet anchored; Stalled (with the reason) while the worker cannot reach the chain.</summary>
    public sealed record AnchoringHealth(string Status, long Backlog, string? Error);

    public sealed record Readiness(string Status, StoreHealth Store, ChainHealth Chain, AnchoringHealth Anchoring);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", () => TypedResults.Ok(new { status = "Healthy" })).WithSummary("The process runs");
        health.MapGet("/ready", Ready).WithSummary("Store, chain and anchoring state; Degraded while the chain is unreachable");
        app.MapGet("/ledger", LedgerInfo).WithTags("Ledger").WithSummary("The chain and contract that anchor this system's events");
        return app;
    }

    public static async Task<Ok<Readiness>> Ready(
        ITraceStore store, LedgerConnection ledger, Anchoring.AnchoringWorker worker, CancellationToken cancellationToken)
    {
        var stats = await store.GetStatsAsync(cancellationToken);
        var lastBlock = await ledger.ProbeAsync(cancellationToken);
        var session = ledger.Session;
        var chain = new ChainHealth(
            lastBlock is null ? "Degraded" : "Healthy",
            ledger.RpcUrl.ToString(),
            session?.Gateway.ChainId.ToString(),
            session?.Registry.Address.ToString(),
            lastBlock,
            lastBlock is null ? ledger.LastError : null);
        var anchoring = new AnchoringHealth(worker.LastError is null ? "Running" : "Stalled", stats.UnanchoredEvents, worker.LastError);
        var status = chain.Status == "Healthy" && anchoring.Status == "Running" ? "Healthy" : "Degraded";
        return TypedResults.Ok(new Readiness(status, new StoreHealth("Healthy", stats.Kind, stats.Events, stats.Organisations), chain, anchoring));
    }

    public sealed record LedgerView(string Kind, long ChainId, string Contract, string? RpcUrl);

    public static Results<Ok<LedgerView>, ProblemHttpResult> LedgerInfo(LedgerConnection ledger, IOptions<TraceOptions> options)
    {
        if (ledger.Session is not { } s)
            return TypedResults.Problem(Errors.ProblemMapping.Create(503, "ledger-unavailable", "Ledger unavailable", ledger.LastError ?? "not connected"));
        var published = options.Value.Ledger.PublicRpcUrl ?? options.Value.Ledger.RpcUrl;
        return TypedResults.Ok(new LedgerView("evm", (long)s.Gateway.ChainId, s.Registry.Address.ToString(), published));
    }
}
