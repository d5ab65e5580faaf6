using Traceability.Api.Extensions;

namespace Traceability.Api.Apis;

/// <summary>
/// GET /console: the console's one page (wwwroot/console/index.html), a small client app over this API, under the same
/// strict content security policy as every page. Its script and styles are served from wwwroot like the scanner's.
/// </summary>
public static class ConsolePagesApi
{
    public static IEndpointRouteBuilder MapConsolePagesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/console", (HttpContext context, IWebHostEnvironment environment) =>
        {
            var file = environment.WebRootFileProvider.GetFileInfo("console/index.html");
            if (!file.Exists) return Results.Problem(Errors.ProblemMapping.Create(503, "console-not-built", "Console not built", "run scripts/build-web.mjs"));
            WebAssets.SecurePage(context.Response);
            context.Response.Headers.CacheControl = "no-cache";
            return Results.File(file.CreateReadStream(), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
