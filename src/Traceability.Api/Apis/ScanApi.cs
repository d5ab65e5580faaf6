using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Extensions;

namespace Traceability.Api.Apis;

/// <summary>GET /scan: the consumer's camera scanner (wwwroot/scan.html), which also decodes an uploaded photo.</summary>
public static class ScanApi
{
    public static IEndpointRouteBuilder MapScanApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/scan", ScanPage).WithTags("Consumer").WithSummary("Camera scanner page (also decodes an uploaded photo)")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return app;
    }

    public static Results<PhysicalFileHttpResult, NotFound> ScanPage(HttpContext context, IWebHostEnvironment environment)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("scan.html");
        if (!page.Exists || page.PhysicalPath is null)
            return TypedResults.NotFound();
        WebAssets.SecurePage(context.Response);
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8", lastModified: page.LastModified, enableRangeProcessing: false);
    }
}
