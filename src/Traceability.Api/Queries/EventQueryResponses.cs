using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Traceability.Api.Binding;
using Traceability.Domain;
using Traceability.Domain.Epcis.Query;
using Traceability.Domain.Epcis.Xml;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Queries;

/// <summary>
/// The answer of every event query endpoint: an EPCISQueryDocument in JSON-LD, or in the XML binding for
/// <c>Accept: application/xml</c>, one page long, the next page in <c>Link: &lt;…&gt;; rel="next"</c>.
/// </summary>
public static class EventQueryResponses
{
    /// <summary>The binding's paging parameters, which are no query parameters.</summary>
    public static readonly IReadOnlySet<string> PagingParameters = new HashSet<string>(StringComparer.Ordinal) { "perPage", "nextPageToken" };

    public const int DefaultPerPage = 100;

    /// <summary>The URL's query parameters as the parser takes them: lists split at '|', paging left out.</summary>
    public static List<KeyValuePair<string, IReadOnlyList<string>>> Parameters(IQueryCollection query, IEnumerable<string>? leaveOut = null)
    {
        var skip = new HashSet<string>(PagingParameters, StringComparer.Ordinal);
        if (leaveOut is not null) skip.UnionWith(leaveOut);
        return query.Where(q => !skip.Contains(q.Key))
            .Select(q => KeyValuePair.Create(q.Key, (IReadOnlyList<string>)q.Value.SelectMany(v => (v ?? "").Split('|', StringSplitOptions.TrimEntries)).ToList()))
            .ToList();
    }

    /// <summary>perPage: 1 to <see cref="EventQuery.MaxPerPage"/>, default <see cref="DefaultPerPage"/>.</summary>
    public static int PerPage(IQueryCollection query)
    {
        if (!query.TryGetValue("perPage", out var text)) return DefaultPerPage;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= EventQuery.MaxPerPage
            ? n
            : throw TraceError.Invalid(EventQueryParser.ParameterException, "perPage", $"must be a whole number from 1 to {EventQuery.MaxPerPage}");
    }

    /// <summary>Whether the answer is XML (406 when the client takes neither JSON nor XML, or asks for CBV Web URIs in XML).</summary>
    public static bool WantsXml(HttpContext context)
    {
        var xml = EpcisMediaTypes.WantsXml(context.Request)
            ?? throw new TraceError(ErrorKind.NotAcceptable, "epcisException:NotAcceptableException",
                "events are answered as application/ld+json, application/json or application/xml");
        if (xml && EpcisBinding.Of(context).CbvWebUris)
            throw new TraceError(ErrorKind.NotAcceptable, "epcisException:NotAcceptableException",
                "GS1-CBV-XML-Format: Always_Web_URI is not offered; XML answers write CBV values as URNs (Always_URN)");
        return xml;
    }

    public static async Task<IResult> AnswerAsync(
        HttpContext context, Organisation reader, EpcisEventQuery query, EventQueryRunner runner, string queryName, CancellationToken cancellationToken)
    {
        var xml = WantsXml(context);
        var request = context.Request;
        var perPage = PerPage(request.Query);
        var token = request.Query.TryGetValue("nextPageToken", out var t) ? t.ToString() : null;
        if (token is null) await runner.CheckMaxEventCountAsync(reader, query, cancellationToken);
        var page = await runner.PageAsync(reader, query, perPage, token, EpcisBinding.Of(context).EpcFormat, cancellationToken);
        if (page.NextPageToken is { } next)
        {
            var link = QueryString.Create(request.Query.Where(q => q.Key != "nextPageToken")
                .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())).Append(KeyValuePair.Create("nextPageToken", (string?)next)));
            context.Response.Headers.Link = $"<{RawPath(context)}{link}>; rel=\"next\"";
        }
        return xml ? Xml(page.Events, queryName) : TypedResults.Json(Document(page.Events, queryName, null), contentType: "application/ld+json");
    }

    public static JsonObject Document(IEnumerable<JsonObject> events, string queryName, string? subscriptionId)
    {
        var results = new JsonObject { ["queryName"] = queryName };
        if (subscriptionId is not null) results["subscriptionID"] = subscriptionId;
        results["resultsBody"] = new JsonObject { ["eventList"] = new JsonArray(events.Select(e => (JsonNode)e).ToArray()) };
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
            ["type"] = "EPCISQueryDocument",
            ["schemaVersion"] = "2.0",
            ["creationDate"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["epcisBody"] = new JsonObject { ["queryResults"] = results },
        };
    }

    /// <summary>
    /// The events as an XML EPCISQueryDocument, streamed; 406 when one of them cannot be written in the XML binding
    /// (checked before anything is sent).
    /// </summary>
    public static IResult Xml(IReadOnlyList<JsonObject> events, string queryName)
    {
        foreach (var e in events)
        {
            if (EpcisXmlWriter.Unwritable(e) is { } why)
                throw new TraceError(ErrorKind.NotAcceptable, "epcisException:NotAcceptableException",
                    $"event {e["eventID"]} cannot be written in the XML binding ({why}); ask for application/ld+json");
        }
        return Results.Stream(body => EpcisXmlWriter.WriteQueryDocumentAsync(events, body, queryName),
            "application/xml; charset=utf-8");
    }

    /// <summary>One event as an EPCISQueryDocument in XML (the binding's answer of GET /events/{eventID}).</summary>
    public static IResult XmlEvent(JsonObject evt) => Xml([evt], "SimpleEventQuery");

    /// <summary>The request's path as the client wrote it (escapes kept), for links back to the same resource.</summary>
    public static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        return target is { Length: > 0 } && target[0] == '/' ? target.Split('?')[0] : $"{context.Request.PathBase}{context.Request.Path}";
    }

    internal static StringValues Values(IQueryCollection query, string name) => query.TryGetValue(name, out var v) ? v : StringValues.Empty;
}
