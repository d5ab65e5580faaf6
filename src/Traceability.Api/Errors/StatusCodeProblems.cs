using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Traceability.Api.Consumer;

namespace Traceability.Api.Errors;

/// <summary>
/// Bodies for the status codes the framework answers alone (no route: 404; a route without the method: 405; an
/// endpoint's bare NotFound): a problem with this API's own type, <c>/problems/not-found</c> or
/// <c>/problems/method-not-allowed</c>, or for a browser asking for a page the 404/405 page in its language.
/// </summary>
public static class StatusCodeProblems
{
    public const string NotFound = "/problems/not-found", MethodNotAllowed = "/problems/method-not-allowed";

    /// <summary>Every problem written for a 404 or 405 without a type of its own gets this API's type.</summary>
    public static void Configure(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = context => Retype(context.ProblemDetails);

    internal static void Retype(ProblemDetails problem)
    {
        if (problem.Type is not null && !problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            return;
        (problem.Type, problem.Title) = problem.Status switch
        {
            404 => (NotFound, "Not found"),
            405 => (MethodNotAllowed, "Method not allowed"),
            _ => (problem.Type, problem.Title),
        };
    }

    /// <summary>The UseStatusCodePages handler.</summary>
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (status is 404 or 405 && SitePages.WantsHtml(http.Request))
        {
            await SitePages.Status(http, status).ExecuteAsync(http);
            return;
        }
        var path = http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : http.Request.Path.ToUriComponent();
        var detail = status switch
        {
            404 => $"nothing is served at {path}",
            405 => $"{http.Request.Method} is not served at {path}; it answers {http.Response.Headers.Allow}",
            _ => null,
        };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
