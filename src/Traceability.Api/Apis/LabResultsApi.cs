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
        HttpContext context, Caller caller, Lab.LabResultRecorder recorder, CancellationToken cancellationToken)
    {
        var lab = await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Lab);
        var request = await JsonBody.ReadAsync<LabResultRequest>(context.Request, cancellationToken, "invalid-lab-result");
        var result = LabResultValidator.Create(request);
        var errors = (await recorder.CheckAsync(lab, [result], cancellationToken))[0];
        if (errors.Any(e => e.Path == "$.lot"))
            throw TraceError.NotFound("unknown-lot", $"no lot {result.Lot} of GTIN {result.Gtin} is known here; results are recorded for lots captured in this system");
        if (errors.Count > 0) throw TraceError.Invalid(LabResultValidator.ErrorCode, $"the lab result is not valid: {errors[0].Path}: {errors[0].Message}", errors);
        var (eventId, alertId) = await recorder.RecordAsync(lab, result, cancellationToken);
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
}
