using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Capture;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Gs1;
using Traceability.Domain.Lab;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// POST /lab-results: a lab's rapid-test or laboratory result, stored and anchored as an EPCIS
/// ObjectEvent (bizStep inspecting). A fail marks the lot non-conformant and raises an alert.
/// </summary>
public static class LabResultsApi
{
    public sealed record LabResultCreated(string EventId, string Verdict, string? AlertId);

    public static IEndpointRouteBuilder MapLabResultsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/lab-results", Post).WithTags("Lab results")
            .WithSummary("Record a lab result for a known lot (labs only)")
            .Accepts<LabResultRequest>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        app.MapGet("/alerts", List).WithTags("Lab results").WithSummary("Alerts for regulators, newest first (?gtin=&lot= for one lot)");
        return app;
    }

    public static async Task<Created<LabResultCreated>> Post(
        HttpContext context, Caller caller, ITraceStore store, CaptureService capture, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lab = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Lab);
        var request = await JsonBody.ReadAsync<LabResultRequest>(context.Request, cancellationToken, "invalid-lab-result");
        var result = LabResultValidator.Create(request);
        var lotKey = result.LotPath;
        if (!(await store.GetLotsAsync([lotKey], cancellationToken)).ContainsKey(lotKey))
            throw TraceError.NotFound("unknown-lot", $"no lot {result.Lot} of GTIN {result.Gtin} is known here; results are recorded for lots captured in this system");

        var party = new LabParty(lab.Id, lab.Gln is { } gln ? Gln.Parse(gln) : null);
        var eventId = await capture.CaptureEventAsync(lab, LabResultEvent.Build(result, party), cancellationToken);

        string? alertId = null;
        if (result.Verdict == Verdict.Fail)
        {
            alertId = "alr-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(eventId)))[..16];
            var alert = new Alert(alertId, "lab-result-failed", new RecalledLot(lotKey, result.Gtin.Value, result.Lot.Value), eventId, lab.Id,
                clock.GetUtcNow(), Describe(result, lab));
            try { await store.AddAlertAsync(alert, cancellationToken); }
            catch (DuplicateException) { } // the same result posted again: one alert
        }
        return TypedResults.Created($"/events/{Uri.EscapeDataString(eventId)}",
            new LabResultCreated(eventId, result.Verdict == Verdict.Pass ? "pass" : "fail", alertId));
    }

    public static async Task<Ok<IReadOnlyList<Alert>>> List(
        string? gtin, string? lot, HttpContext context, Caller caller, ITraceStore store, CancellationToken cancellationToken)
    {
        await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Regulator);
        string? lotKey = null;
        if (gtin is not null || lot is not null)
        {
            if (!Gtin.TryParse(gtin, out var g)) throw TraceError.Invalid("invalid-query", "gtin", "a valid GTIN is needed with lot");
            if (!LotCode.TryParse(lot, out var l)) throw TraceError.Invalid("invalid-query", "lot", "a valid lot is needed with gtin");
            lotKey = DigitalLink.LotPath(g, l);
        }
        return TypedResults.Ok(await store.ListAlertsAsync(lotKey, cancellationToken));
    }

    private static string Describe(LabResult r, Organisation lab)
    {
        var found = r.Measured is { } m ? $"{m.Value} {m.Unit.Symbol}" : r.Qualitative?.ToString().ToLowerInvariant() ?? "?";
        var limit = r.Limit is { } l ? $" (limit {l.Value} {l.Unit.Symbol}{(l.Source is null ? "" : ", " + l.Source)})" : "";
        return $"{r.Analyte.Name}: {found}{limit} by {r.Method.Value}, {lab.Name}";
    }
}
