using Traceability.Api.Consumer;

namespace Traceability.Api.Apis;

/// <summary>GET /: the landing page, linking the scanner, the console and the API reference, in zh-CN or en.</summary>
public static class LandingApi
{
    public static IEndpointRouteBuilder MapLandingApi(this IEndpointRouteBuilder app)
    {
        // API clients asking for JSON get the EPCIS REST binding's list of top-level resources instead.
        app.MapGet("/", (HttpContext context) => Binding.EpcisMediaTypes.PrefersJson(context.Request) ? DiscoveryApi.TopLevelResources() : SitePages.Landing(context))
            .WithTags("Consumer")
            .WithSummary("Landing page (HTML; zh-CN or en by ?lang= or Accept-Language) linking /scan, /console and /scalar; with Accept: application/json the EPCIS top-level resources")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return app;
    }
}
