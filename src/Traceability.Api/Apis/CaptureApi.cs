using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Traceability.Api.Auth;
using Traceability.Api.Capture;
using Traceability.Api.Http;
using Traceability.Domain;
using Traceability.Domain.Capture;
using Traceability.Domain.Epcis.Validation;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>EPCIS capture (GS1 REST binding): documents, single events, capture jobs, and the limits that bound them.</summary>
public static class CaptureApi
{
    public const string ErrorBehaviourHeader = "GS1-Capture-Error-Behaviour";

    public static IEndpointRouteBuilder MapCaptureApi(this IEndpointRouteBuilder app)
    {
        var capture = app.MapGroup("").WithTags("Capture").RequireAuthorization(Policies.Organisation);
        capture.MapPost("/capture", Capture).WithSummary("Capture an EPCISDocument (GS1 REST binding)")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        capture.MapGet("/capture/{captureId}", GetJob).WithSummary("Status and per-event errors of a capture job (its capturer only)");
        capture.MapPost("/events", CaptureEvent).WithTags("Events").WithSummary("Capture one EPCIS event")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        app.MapMethods("/capture", ["OPTIONS"], Limits).WithTags("Capture").AllowAnonymous()
            .WithSummary("The capture limits, as GS1-EPCIS-Capture-Limit and GS1-EPCIS-Capture-File-Size-Limit headers");
        return app;
    }

    public static async Task<Accepted<CaptureJob>> Capture(
        HttpContext context, Caller caller, CaptureService capture, IOptions<TraceOptions> options, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var behaviour = context.Request.Headers[ErrorBehaviourHeader].ToString().ToLowerInvariant() switch
        {
            "" or "rollback" => ErrorBehaviour.Rollback,
            "proceed" => ErrorBehaviour.Proceed,
            var other => throw TraceError.Invalid("bad-request", ErrorBehaviourHeader, $"must be rollback or proceed, not \"{other}\""),
        };
        CaptureJob job;
        if (Binding.EpcisMediaTypes.IsXml(RequireCaptureMediaType(context.Request)))
        {
            await using var xml = await XmlCapture.BufferAsync(context.Request, options.Value.Limits.CaptureMaxBytes, cancellationToken);
            job = await capture.CaptureEventsAsync(org, XmlCapture.Read(xml, singleEvent: false, behaviour, options.Value.Limits), behaviour, cancellationToken);
        }
        else
        {
            var document = await JsonBody.ReadAsync(context.Request, options.Value.Limits.CaptureMaxBytes, cancellationToken);
            CaptureLimits.Check(document, options.Value.Limits);
            job = await capture.CaptureDocumentAsync(org, document, behaviour, cancellationToken);
        }
        return TypedResults.Accepted($"/capture/{job.CaptureId}", job);
    }

    public static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> GetJob(
        string captureId, HttpContext context, Caller caller, IEventStore events, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var job = captureId.Length > 100 ? null : await events.GetCaptureJobAsync(captureId, cancellationToken);
        // Another organisation's job is reported as absent rather than forbidden: its id reveals nothing.
        if (job is null || job.OrgId != org.Id)
            return TypedResults.Problem(Errors.ProblemMapping.Create(404, "not-found", "Not found", $"no capture job {captureId}"));
        return TypedResults.Ok(DiscoveryApi.CaptureJobView(job, json.Value.SerializerOptions));
    }

    public static async Task<Created<object>> CaptureEvent(
        HttpContext context, Caller caller, CaptureService capture, IOptions<TraceOptions> options, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        string eventId;
        if (Binding.EpcisMediaTypes.IsXml(RequireCaptureMediaType(context.Request)))
        {
            await using var xml = await XmlCapture.BufferAsync(context.Request, options.Value.Limits.CaptureMaxBytes, cancellationToken);
            var input = XmlCapture.Read(xml, singleEvent: true, ErrorBehaviour.Rollback, options.Value.Limits);
            eventId = (await capture.CaptureEventsAsync(org, input, ErrorBehaviour.Rollback, cancellationToken)).EventIds[0];
        }
        else
        {
            var evt = await JsonBody.ReadAsync(context.Request, options.Value.Limits.CaptureMaxBytes, cancellationToken);
            CaptureLimits.Check(evt, options.Value.Limits);
            eventId = await capture.CaptureEventAsync(org, evt, cancellationToken);
        }
        return TypedResults.Created($"/events/{Uri.EscapeDataString(eventId)}", (object)new { eventId });
    }

    /// <summary>Capture takes the binding's JSON(-LD) and XML media types; anything else is a 415 naming them.</summary>
    private static string? RequireCaptureMediaType(HttpRequest request)
    {
        if (!JsonBody.IsJsonMediaType(request.ContentType) && !Binding.EpcisMediaTypes.IsXml(request.ContentType))
            throw new TraceError(ErrorKind.UnsupportedMediaType, "unsupported-media-type",
                $"send the body as application/json, application/ld+json (UTF-8), application/xml or text/xml, not \"{request.ContentType}\"");
        return request.ContentType;
    }

    /// <summary>OPTIONS /capture: what a client may send, the EPCIS 2.0 way.</summary>
    public static NoContent Limits(HttpContext context, IOptions<TraceOptions> options)
    {
        var headers = context.Response.Headers;
        headers.Allow = "OPTIONS, POST, GET";
        headers["GS1-EPCIS-Capture-Limit"] = EpcisValidator.MaxEventsPerDocument.ToString(CultureInfo.InvariantCulture);
        headers["GS1-EPCIS-Capture-File-Size-Limit"] = options.Value.Limits.CaptureMaxBytes.ToString(CultureInfo.InvariantCulture);
        headers["GS1-EPCIS-Version"] = "2.0.0";
        headers["GS1-CBV-Version"] = "2.0.0";
        headers["GS1-Capture-Error-Behaviour"] = "all"; // the binding's way of saying both rollback and proceed
        DiscoveryApi.Options(context, "OPTIONS, POST, GET");
        return TypedResults.NoContent();
    }
}
