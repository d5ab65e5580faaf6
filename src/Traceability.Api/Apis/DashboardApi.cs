using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Traceability.Api.Auth;
using Traceability.Api.Ledger;
using Traceability.Api.Organisations;
using Traceability.Domain.Trust;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// A regulator's morning in one read: open alerts with how each is being handled, active recalls with acknowledgement
/// progress, anchoring health and backlog, and the last captures with their anchoring.
/// </summary>
public static class DashboardApi
{
    public sealed record AlertRow(string Id, string Gtin, string Lot, string EventId, string RaisedBy, DateTimeOffset At, string Detail, string Handling, bool Flagged,
        bool Recalled);
    public sealed record RecallRow(string Id, string Gtin, string Lot, string Reason, string Classification, DateTimeOffset CreatedAt, int Parties,
        int PartiesAcknowledged, IReadOnlyDictionary<string, decimal> QuantityRemoved, int AffectedLots, int AffectedUnits);
    public sealed record CaptureRow(string EventId, string Type, string? BizStep, DateTimeOffset RecordTime, string Writer, string Standing, LotsApi.AnchorView Anchor);
    public sealed record Dashboard(IReadOnlyList<AlertRow> Alerts, IReadOnlyList<RecallRow> Recalls, HealthApi.Readiness Health, IReadOnlyList<CaptureRow> LastCaptures);

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dashboard", Get).RequireAuthorization(Policies.Regulator).WithTags("Supervision")
            .WithSummary("Open alerts with their handling, active recalls with acknowledgements, anchoring health, last captures (regulators)");
        return app;
    }

    public static async Task<Ok<Dashboard>> Get(ITraceStore store, Traceability.Ledger.ILedger ledger, IOptions<TraceOptions> options, Anchoring.AnchoringWorker worker, Genealogy.LotIndex index, OrganisationDirectory directory,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var orgs = await directory.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var alerts = (await store.ListAlertsAsync(null, cancellationToken)).Take(100).ToList();
        var followUps = await store.GetFollowUpsAsync(alerts.Select(a => a.EventId).ToList(), cancellationToken);
        var recalls = await store.ListRecallsAsync(null, cancellationToken);
        var recalledLots = recalls.Where(r => r.IsActive).SelectMany(r => r.LotKeys).ToHashSet(StringComparer.Ordinal);
        // The 72 hours run from the test, as supervision counts them: the result's event time.
        var testedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var a in alerts)
            if (await store.GetEventAsync(a.EventId, cancellationToken) is { } e) testedAt[a.EventId] = e.EventTime;
        var alertRows = alerts.Select(a =>
        {
            followUps.TryGetValue(a.EventId, out var fu);
            var (status, flagged) = SupervisionApi.Status(testedAt.GetValueOrDefault(a.EventId, a.At), fu, now);
            return new AlertRow(a.Id, a.Lot.Gtin, a.Lot.Lot, a.EventId, orgs.Get(a.RaisedByOrgId)?.Name ?? a.RaisedByOrgId, a.At, a.Detail, status, flagged,
                recalledLots.Contains(a.Lot.LotKey));
        }).ToList();

        var recallRows = new List<RecallRow>();
        foreach (var r in recalls.Where(r => r.IsActive))
        {
            var acks = await store.GetAcknowledgementsAsync(r.Id, cancellationToken);
            recallRows.Add(new RecallRow(r.Id, r.Origin.Gtin, r.Origin.Lot, r.Reason, r.Classification.ToString(), r.CreatedAt, r.PartyOrgIds.Count,
                r.PartyOrgIds.Count(p => acks.Any(a => a.OrgId == p)), acks.GroupBy(a => a.Unit).ToDictionary(g => g.Key, g => g.Sum(a => a.QuantityRemoved)),
                r.AffectedLots.Count + 1, r.AffectedUnits.Count));
        }

        var health = (await HealthApi.Ready(store, ledger, options, worker, index, cancellationToken)).Value!;
        var stats = await store.GetStatsAsync(cancellationToken);
        var last = (await store.QueryEventsAsync(new EventQuery { AfterSequence = Math.Max(0, stats.Events - 10), PerPage = 10 }, cancellationToken)).Events;
        var anchors = await store.GetEventAnchorsAsync(last.Select(e => e.EventId).ToList(), cancellationToken);
        var captures = last.OrderByDescending(e => e.Sequence).Select(e => new CaptureRow(e.EventId, e.EventType, e.BizStep is null ? null : Domain.Epcis.Model.Cbv.ShortName(e.BizStep),
            e.RecordTime, orgs.Get(e.OrgId)?.Name ?? e.OrgId, e.Standing.Name(), LotsApi.Anchor(anchors.GetValueOrDefault(e.EventId)))).ToList();
        return TypedResults.Ok(new Dashboard(alertRows, recallRows, health, captures));
    }
}
