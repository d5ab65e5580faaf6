using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Traceability.Api.Auth;
using Traceability.Api.Binding;
using Traceability.Api.Queries;
using Traceability.Domain;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Query;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// The binding's top-level resources: <c>/eventTypes</c>, <c>/epcs</c>, <c>/bizSteps</c>, <c>/bizLocations</c>,
/// <c>/readPoints</c>, <c>/dispositions</c> list the values events use (a Collection, paged with perPage and
/// nextPageToken); <c>/{resource}/{value}</c> lists its sub-resources (<c>events</c>) when the value is known, and
/// <c>/{resource}/{value}/events</c> is the event query with that value fixed (further query parameters allowed). A
/// value is taken from the raw path and unescaped once, so a Digital Link is sent percent-encoded
/// (<c>/epcs/https%3A%2F%2Fid.gs1.org%2F01%2F…</c>). Entitlement: what consumer views show (types, EPCs, steps,
/// locations, dispositions) is listed to every organisation; read points, which consumer views leave out, only from
/// the caller's own events (all of them for regulators), and their events are matched on what the reader is served.
/// </summary>
public static class TopLevelApi
{
    private sealed record Resource(string Path, EventValueKind Kind, string Parameter);

    private static readonly Resource[] Resources =
    [
        new("eventTypes", EventValueKind.EventType, "eventType"),
        new("epcs", EventValueKind.Epc, "MATCH_anyEPC"),
        new("bizSteps", EventValueKind.BizStep, "EQ_bizStep"),
        new("bizLocations", EventValueKind.BizLocation, "EQ_bizLocation"),
        new("readPoints", EventValueKind.ReadPoint, "EQ_readPoint"),
        new("dispositions", EventValueKind.Disposition, "EQ_disposition"),
    ];

    public const string Context = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    public static IEndpointRouteBuilder MapTopLevelApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Top-level").RequireAuthorization(Policies.Organisation);
        foreach (var resource in Resources)
        {
            group.MapGet($"/{resource.Path}", (HttpContext c, Caller caller, IEventResourceStore store, EventQueryRunner runner, CancellationToken ct) =>
                ListAsync(resource, c, caller, store, runner, ct)).WithSummary($"The {resource.Path} known to this repository (a paged Collection)");
            group.MapGet($"/{resource.Path}/{{**value}}", (HttpContext c, Caller caller, IEventStore events, EventQueryRunner runner, CancellationToken ct) =>
                ValueAsync(resource, c, caller, events, runner, ct))
                .WithSummary($"/{resource.Path}/{{value}}: its sub-resources; /{resource.Path}/{{value}}/events: the events with it ({resource.Parameter})");
        }
        return app;
    }

    private static async Task<IResult> ListAsync(
        Resource resource, HttpContext context, Caller caller, IEventResourceStore store, EventQueryRunner runner, CancellationToken cancellationToken)
    {
        var reader = await caller.RequireOrganisationAsync(context, cancellationToken);
        NoOtherParameters(context.Request.Query, "perPage", "nextPageToken");
        var perPage = EventQueryResponses.PerPage(context.Request.Query);
        var after = context.Request.Query.TryGetValue("nextPageToken", out var token) ? FromToken(token.ToString()) : null;
        List<string> members;
        string? last;
        switch (resource.Kind)
        {
            case EventValueKind.EventType:
                (members, last) = Page(Enum.GetNames<EventType>().Order(StringComparer.Ordinal), after, perPage);
                break;
            case EventValueKind.BizStep or EventValueKind.Disposition:
                // The standard vocabulary, then what events use besides it.
                var vocabulary = resource.Kind == EventValueKind.BizStep ? CbvVocabulary.BizStep : CbvVocabulary.Disposition;
                var used = await store.ListEventValuesAsync(resource.Kind, null, EventQuery.MaxPerPage, null, cancellationToken);
                (members, last) = Page(Cbv.StandardTerms(vocabulary).Concat(used.Select(Cbv.ShortName)).Distinct().Order(StringComparer.Ordinal), after, perPage);
                break;
            default:
                var writer = resource.Kind == EventValueKind.ReadPoint && reader.Role != OrgRole.Regulator ? reader.Id : null;
                var values = await store.ListEventValuesAsync(resource.Kind, after, perPage + 1, writer, cancellationToken);
                members = values.Take(perPage).ToList();
                last = values.Count > perPage ? members[^1] : null;
                var prefixes = await runner.PrefixLengthsAsync(cancellationToken);
                var format = EpcisBinding.Of(context).EpcFormat;
                members = members.Select(v => Formatted(v, format, prefixes)).ToList();
                break;
        }
        if (last is not null)
            context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}?perPage={perPage}&nextPageToken={Token(last)}>; rel=\"next\"";
        return Collection(members);
    }

    private static async Task<IResult> ValueAsync(
        Resource resource, HttpContext context, Caller caller, IEventStore events, EventQueryRunner runner, CancellationToken cancellationToken)
    {
        var reader = await caller.RequireOrganisationAsync(context, cancellationToken);
        var raw = RawValue(context, resource.Path);
        var wantsEvents = raw.EndsWith("/events", StringComparison.Ordinal);
        var value = Unescape(wantsEvents ? raw[..^"/events".Length] : raw);
        if (value.Length == 0 || value.Length > 2000) throw TraceError.NotFound(NamedQueries.NotFound, $"no {resource.Path} value given");
        if (wantsEvents)
        {
            var parameters = EventQueryResponses.Parameters(context.Request.Query);
            if (parameters.Any(p => p.Key == resource.Parameter))
                throw TraceError.Invalid(EventQueryParser.ParameterException, resource.Parameter, $"is fixed by the path /{resource.Path}/{{value}}/events");
            parameters.Add(KeyValuePair.Create(resource.Parameter, (IReadOnlyList<string>)[value]));
            var query = EventQueryParser.Parse(parameters, EpcisBinding.Of(context).Prefixes);
            return await EventQueryResponses.AnswerAsync(context, reader, query, runner, "SimpleEventQuery", cancellationToken);
        }
        NoOtherParameters(context.Request.Query, "perPage", "nextPageToken"); // one member ("events"): a single page
        if (!await KnownAsync(resource, value, reader, events, cancellationToken))
            throw TraceError.NotFound(NamedQueries.NotFound, $"no {resource.Path} value {value} is known here");
        return Collection(["events"]);
    }

    private static async Task<bool> KnownAsync(Resource resource, string value, Organisation reader, IEventStore events, CancellationToken cancellationToken)
    {
        var canonical = Domain.Custody.Identifiers.Canonical(value);
        var query = resource.Kind switch
        {
            EventValueKind.EventType => Enum.GetNames<EventType>().Contains(value) ? null : new EventQuery { EventTypes = [value] },
            EventValueKind.Epc => new EventQuery { AnyEpcs = [canonical] },
            EventValueKind.BizStep => Cbv.IsCbvValue(CbvVocabulary.BizStep, Bare(value, "urn:epcglobal:cbv:bizstep:")) ? null : new EventQuery { BizSteps = [value] },
            EventValueKind.Disposition => Cbv.IsCbvValue(CbvVocabulary.Disposition, Bare(value, "urn:epcglobal:cbv:disp:")) ? null : new EventQuery { Dispositions = [value] },
            EventValueKind.BizLocation => new EventQuery { BizLocations = [canonical] },
            _ => new EventQuery { ReadPoints = [canonical], OrgId = reader.Role == OrgRole.Regulator ? null : reader.Id },
        };
        return query is null || (await events.QueryEventsAsync(query with { PerPage = 1 }, cancellationToken)).Events.Count > 0;
    }

    /// <summary>The bare term of a CBV value sent in its URN form (the XML binding's spelling); others unchanged.</summary>
    private static string Bare(string value, string urnPrefix) => value.StartsWith(urnPrefix, StringComparison.Ordinal) ? value[urnPrefix.Length..] : value;

    public static IResult Collection(IEnumerable<string> members) => TypedResults.Json(new JsonObject
    {
        ["@context"] = Context,
        ["type"] = "Collection",
        ["member"] = new JsonArray(members.Select(m => (JsonNode)m).ToArray()),
    }, contentType: "application/ld+json");

    private static (List<string> Members, string? Last) Page(IEnumerable<string> sorted, string? after, int perPage)
    {
        var rest = sorted.Where(v => after is null || string.CompareOrdinal(v, after) > 0).Take(perPage + 1).ToList();
        var page = rest.Take(perPage).ToList();
        return (page, rest.Count > perPage ? page[^1] : null);
    }

    private static string Formatted(string id, EpcFormat format, Func<string, int?> prefixes)
    {
        var holder = new JsonObject { ["epcList"] = new JsonArray(id) };
        EpcFormats.Apply(holder, format, prefixes);
        return holder["epcList"]![0]!.GetValue<string>();
    }

    /// <summary>What follows /{resource}/ in the request target as sent, before the query string.</summary>
    private static string RawValue(HttpContext context, string resource)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : context.Request.Path.ToUriComponent();
        var path = target.Split('?')[0];
        var prefix = context.Request.PathBase + "/" + resource + "/";
        return path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : "";
    }

    private static string Unescape(string text)
    {
        try { return Uri.UnescapeDataString(text); }
        catch (UriFormatException) { throw TraceError.Invalid(EventQueryParser.ParameterException, "value", "a malformed %-escape"); }
    }

    private static void NoOtherParameters(IQueryCollection query, params string[] allowed)
    {
        var unknown = query.Keys.Where(k => !allowed.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw TraceError.Invalid(EventQueryParser.ParameterException, $"not a parameter here: {string.Join(", ", unknown)}",
                unknown.Select(k => new FieldError(k, "not a parameter of this resource")).ToList());
    }

    private static string Token(string last) => Convert.ToBase64String(Encoding.UTF8.GetBytes(last)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromToken(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            if (token.Length <= 4000) return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException) { }
        throw TraceError.Invalid(EventQueryParser.ParameterException, "nextPageToken", "not a page token this server issued");
    }
}
