using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Capture;
using Traceability.Domain;
using Traceability.Storage;

namespace Traceability.Api.Apis;

public static class CaptureApi
{
    public const string ErrorBehaviourHeader = "GS1-Capture-Error-Behaviour";

    public static IEndpointRouteBuilder MapCaptureApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/capture", Capture).WithTags("Capture").WithSummary("Capture an EPCISDocument (GS1 REST binding)");
        app.MapGet("/capture/{captureId}", GetJob).WithTags("Capture").WithSummary("Status and per-event errors of a capture job");
        app.MapPost("/events", CaptureEvent).WithTags("Events").WithSummary("Capture one EPCIS event");
        return app;
    }

    public static async Task<Accepted<CaptureJob>> Capture(HttpContext context, Caller caller, CaptureService capture, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var behaviour = context.Request.Headers[ErrorBehaviourHeader].ToString().ToLowerInvariant() switch
        {
            "" or "rollback" => ErrorBehaviour.Rollback,
            "proceed" => ErrorBehaviour.Proceed,
            var other => throw TraceError.Invalid("bad-request", ErrorBehaviourHeader, $"must be rollback or proceed, not \"{other}\""),
        };
        var document = await ReadJsonAsync(context.Request, cancellationToken);
        var job = await capture.CaptureDocumentAsync(org, document, behaviour, cancellationToken);
        return TypedResults.Accepted($"/capture/{job.CaptureId}", job);
    }

    public static async Task<Results<Ok<CaptureJob>, ProblemHttpResult>> GetJob(
        string captureId, HttpContext context, Caller caller, ITraceStore store, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var job = await store.GetCaptureJobAsync(captureId, cancellationToken);
        // Another organisation's job is reported as absent rather than forbidden: its id reveals nothing.
        if (job is null || job.OrgId != org.Id)
            return TypedResults.Problem(Errors.ProblemMapping.Create(404, "not-found", "Not found", $"no capture job {captureId}"));
        return TypedResults.Ok(job);
    }

    public static async Task<Created<object>> CaptureEvent(HttpContext context, Caller caller, CaptureService capture, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var evt = await ReadJsonAsync(context.Request, cancellationToken);
        var eventId = await capture.CaptureEventAsync(org, evt, cancellationToken);
        return TypedResults.Created($"/events/{Uri.EscapeDataString(eventId)}", (object)new { eventId });
    }

    /// <summary>Reads application/json or application/ld+json; malformed JSON is a 400 problem.</summary>
    internal static async Task<JsonNode?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var type = request.ContentType ?? "";
        if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/ld+json", StringComparison.OrdinalIgnoreCase))
            throw new TraceError(ErrorKind.InvalidArgument, "unsupported-media-type", "send the body as application/json or application/ld+json");
        try
        {
            return await JsonNode.ParseAsync(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = false },
                new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw TraceError.Invalid("malformed-json", "$", $"the body is not well-formed JSON: {ex.Message}");
        }
    }
}
