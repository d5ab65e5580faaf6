using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Traceability.Api.Auth;
using Traceability.Api.Binding;
using Traceability.Domain.Epcis.Query;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// The binding's discovery and housekeeping: <c>OPTIONS</c> on every resource (Allow, versions, EPC formats,
/// extensions), <c>GET /</c> as JSON (the top-level resources), <c>GET /capture</c> (the caller's capture jobs, paged)
/// and <c>DELETE /nextPageToken/{token}</c> (a no-op: page tokens hold no server resources).
/// </summary>
public static class DiscoveryApi
{
    /// <summary>Each resource of the binding with the methods it answers (OPTIONS /capture is <see cref="CaptureApi"/>'s).</summary>
    public static readonly IReadOnlyList<(string Pattern, string Allow)> Resources =
    [
        ("/", "OPTIONS, GET"),
        ("/capture/{captureID}", "OPTIONS, GET"),
        ("/events", "OPTIONS, GET, POST"),
        ("/events/{**eventID}", "OPTIONS, GET"),
        ("/eventTypes", "OPTIONS, GET"), ("/eventTypes/{**value}", "OPTIONS, GET"),
        ("/epcs", "OPTIONS, GET"), ("/epcs/{**value}", "OPTIONS, GET"),
        ("/bizSteps", "OPTIONS, GET"), ("/bizSteps/{**value}", "OPTIONS, GET"),
        ("/bizLocations", "OPTIONS, GET"), ("/bizLocations/{**value}", "OPTIONS, GET"),
        ("/readPoints", "OPTIONS, GET"), ("/readPoints/{**value}", "OPTIONS, GET"),
        ("/dispositions", "OPTIONS, GET"), ("/dispositions/{**value}", "OPTIONS, GET"),
        ("/queries", "OPTIONS, GET, POST"),
        ("/queries/{queryName}", "OPTIONS, GET, DELETE"),
        ("/queries/{queryName}/events", "OPTIONS, GET"),
        ("/queries/{queryName}/subscriptions", "OPTIONS, GET, POST"),
        ("/queries/{queryName}/subscriptions/{subscriptionID}", "OPTIONS, GET, DELETE"),
    ];

    public static readonly string[] TopLevel = ["queries", "capture", "events", "eventTypes", "epcs", "readPoints", "bizLocations", "dispositions", "bizSteps"];

    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        foreach (var (pattern, allow) in Resources)
            app.MapMethods(pattern, ["OPTIONS"], (HttpContext c) => Options(c, allow)).WithTags("Discovery").AllowAnonymous()
                .ExcludeFromDescription() // OPTIONS /events/{**eventID} beside GET /events/{*eventId} is one OpenAPI path twice: the document would fail
                .WithSummary("What this resource supports: Allow, GS1-EPCIS-Version/-Min/-Max, GS1-CBV-…, GS1-EPC-Format, GS1-Extensions");
        var organisations = app.MapGroup("").RequireAuthorization(Policies.Organisation);
        organisations.MapGet("/capture", CaptureJobs).WithTags("Capture").WithSummary("The caller's capture jobs, paged");
        organisations.MapDelete("/nextPageToken/{token}", (string token) => TypedResults.NoContent()).WithTags("Queries")
            .WithSummary("Releases a page token (none holds server resources here, so this only acknowledges)");
        return app;
    }

    /// <summary>The discovery headers every OPTIONS answer carries, with the resource's methods.</summary>
    public static NoContentResult Options(HttpContext context, string allow)
    {
        var headers = context.Response.Headers;
        headers.Allow = allow;
        headers["GS1-EPCIS-Min"] = EpcisBinding.EpcisMin;
        headers["GS1-EPCIS-Max"] = EpcisBinding.EpcisMax;
        headers["GS1-CBV-Min"] = EpcisBinding.CbvMin;
        headers["GS1-CBV-Max"] = EpcisBinding.CbvMax;
        headers[EpcFormats.HeaderName] = string.Join(", ", EpcFormats.ByName.Keys);
        headers["GS1-CBV-XML-Format"] = "No_Preference, Always_URN, Never_Translates";
        headers["GS1-Vendor-Version"] = EpcisBinding.VendorVersion;
        return new NoContentResult();
    }

    /// <summary>GET / for API clients (Accept: application/json): the binding's top-level resources.</summary>
    public static IResult TopLevelResources() => TopLevelApi.Collection(TopLevel);

    public static async Task<IResult> CaptureJobs(HttpContext context, Caller caller, IEventResourceStore store, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var perPage = Math.Min(Queries.EventQueryResponses.PerPage(context.Request.Query), 1000);
        var after = context.Request.Query.TryGetValue("nextPageToken", out var t) ? Tokens.Decode(t.ToString()) : null;
        var page = await store.ListCaptureJobsAsync(org.Id, after, perPage + 1, cancellationToken);
        if (page.Count > perPage)
            context.Response.Headers.Link = $"</capture?perPage={perPage}&nextPageToken={Tokens.Encode(page[perPage - 1].CaptureId)}>; rel=\"next\"";
        return TypedResults.Json(new JsonArray(page.Take(perPage).Select(j => (JsonNode)CaptureJobView(j, json.Value.SerializerOptions)).ToArray()));
    }

    /// <summary>A capture job as stored, plus the binding's fields: captureID, running, success, captureErrorBehaviour.</summary>
    public static JsonObject CaptureJobView(CaptureJob job, JsonSerializerOptions options)
    {
        var view = JsonSerializer.SerializeToNode(job, options)!.AsObject();
        view["captureID"] = job.CaptureId;
        view["running"] = job.Status == CaptureJobStatus.Running;
        view["success"] = job.Status == CaptureJobStatus.Succeeded;
        view["captureErrorBehaviour"] = job.ErrorBehaviour;
        return view;
    }

    /// <summary>An OPTIONS answer: 204 with the headers set on the context.</summary>
    public sealed class NoContentResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
    }
}
