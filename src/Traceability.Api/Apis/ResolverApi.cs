using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Traceability.Api.Consumer;
using Traceability.Domain;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Apis;

/// <summary>
/// The GS1 Digital Link resolver for lots: <c>/01/{gtin}/10/{lot}</c>. Browsers get the provenance page,
/// API clients (Accept: application/json) the consumer story; <c>?linkType=</c> selects one link
/// (gs1:traceability / gs1:epcis, gs1:recallStatus, gs1:pip) or the whole link set (all).
/// </summary>
public static class ResolverApi
{
    public const string Traceability = "gs1:traceability", Epcis = "gs1:epcis", RecallStatus = "gs1:recallStatus", Pip = "gs1:pip", All = "all";

    public static IEndpointRouteBuilder MapResolverApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/01/{gtin}/10/{*lot}", Resolve).WithTags("Consumer")
            .WithSummary("GS1 Digital Link resolver: provenance page (HTML) or consumer JSON; ?linkType=gs1:traceability|gs1:epcis|gs1:recallStatus|gs1:pip|all")
            .Produces<LotStory>(200).Produces(200, contentType: "text/html").ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    public static async Task<IResult> Resolve(
        string gtin, string lot, string? linkType, HttpContext context, LotStories stories, IOptions<TraceOptions> options, CancellationToken cancellationToken)
    {
        var html = WantsHtml(context.Request) && linkType is null or Pip;
        GtinLink link;
        try
        {
            link = LotAddress.Parse(context, gtin, segmentsBeforeLot: LotAddress.ResolverSegmentsBeforeLot);
        }
        catch (TraceError error) when (html)
        {
            return ProvenancePage.Problem(context, 400, error.Message);
        }
        var publicBase = LotAddress.PublicBase(context, options.Value);
        var story = await stories.GetAsync(link, publicBase, cancellationToken);
        context.Response.Headers.Vary = "Accept, Accept-Language";
        if (story is null)
        {
            return html
                ? ProvenancePage.Problem(context, 404, $"{LotStoryText.Subject(link.Path)}")
                : TypedResults.Problem(Errors.ProblemMapping.Create(404, "unknown-lot", "Unknown lot", $"no lot {link.Path} is known here"));
        }
        if (html) return ProvenancePage.Render(context, story);

        return linkType switch
        {
            null or Pip => TypedResults.Ok(story),
            Traceability or Epcis => TypedResults.Json(QueryDocument(story), contentType: "application/ld+json"),
            RecallStatus => TypedResults.Ok(new { story.Gtin, story.Lot, story.Recalled, story.Recalls }),
            All => TypedResults.Json(LinkSet(story, $"{publicBase}{link.Path}"), contentType: "application/linkset+json"),
            _ => TypedResults.Problem(Errors.ProblemMapping.Create(404, "unknown-link-type", "No such link",
                $"linkType {linkType} is not offered; ask for linkType=all to see what is")),
        };
    }

    /// <summary>The lot's events as consumers may see them: an EPCISQueryDocument of consumer views, each with its proof.</summary>
    private static JsonObject QueryDocument(LotStory story) => new()
    {
        ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
        ["type"] = "EPCISQueryDocument",
        ["schemaVersion"] = "2.0",
        ["creationDate"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
        ["epcisBody"] = new JsonObject
        {
            ["queryResults"] = new JsonObject
            {
                ["queryName"] = "SimpleEventQuery",
                ["resultsBody"] = new JsonObject
                {
                    ["eventList"] = new JsonArray(story.Events.Select(e => (JsonNode?)e.Event.DeepClone()).ToArray()),
                },
            },
        },
        ["proofs"] = System.Text.Json.JsonSerializer.SerializeToNode(story.Events.Select(e => e.Proof), System.Text.Json.JsonSerializerOptions.Web),
    };

    /// <summary>RFC 9264 link set in the form GS1 resolvers publish.</summary>
    private static JsonObject LinkSet(LotStory story, string anchor)
    {
        JsonArray Link(string href, string title, string type) => new(new JsonObject { ["href"] = href, ["title"] = title, ["type"] = type });
        return new JsonObject
        {
            ["linkset"] = new JsonArray(new JsonObject
            {
                ["anchor"] = anchor,
                ["https://gs1.org/voc/defaultLink"] = Link(anchor, "Provenance page", "text/html"),
                ["https://gs1.org/voc/pip"] = Link(anchor + "?linkType=gs1:pip", "Product information and provenance", "application/json"),
                ["https://gs1.org/voc/traceability"] = Link(anchor + "?linkType=gs1:traceability", "Traceability events (public views)", "application/ld+json"),
                ["https://gs1.org/voc/epcis"] = Link(anchor + "?linkType=gs1:epcis", "EPCIS events (public views)", "application/ld+json"),
                ["https://gs1.org/voc/recallStatus"] = Link(anchor + "?linkType=gs1:recallStatus", story.Recalled ? "Recalled" : "Not recalled", "application/json"),
            }),
        };
    }

    private static bool WantsHtml(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return false;
        var html = accept.Where(a => a.MediaType.Value is "text/html" or "application/xhtml+xml").Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var json = accept.Where(a => a.MediaType.Value is "application/json" or "application/ld+json" or "application/linkset+json")
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return html > 0 && html >= json;
    }
}
