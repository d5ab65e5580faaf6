using Traceability.Api.Consumer;

namespace Traceability.Api.Apis;

/// <summary>GET /: the landing page, linking the scanner, the console and the API reference, in zh-CN or en.</summary>
public static class LandingApi
{
    public static IEndpointRouteBuilder MapLandingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", SitePages.Landing).WithTags("Consumer")
            .WithSummary("Landing page (HTML; zh-CN or en by ?lang= or Accept-Language) linking /scan, /console and /scalar")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return app;
    }
}
