using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Organisations;
using Traceability.Domain.Trust;
using Traceability.Domain;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;
using Traceability.Storage;

namespace Traceability.Api.Apis;

public static class EventsApi
{
    private static readonly HashSet<string> KnownParameters = new(StringComparer.Ordinal)
    {
        "eventType", "EQ_bizStep", "EQ_disposition", "MATCH_anyEPC", "MATCH_epcClass", "GE_eventTime", "LT_eventTime",
        "EQ_bizLocation", "GE_recordTime", "perPage", "nextPageToken",
    };

    private static readonly HashSet<string> EventTypes = Enum.GetNames<EventType>().ToHashSet(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", Query).WithTags("Events").WithSummary("EPCIS query (SimpleEventQuery parameters, paged)");
        app.MapGet("/events/{*eventId}", GetEventOrProof).WithTags("Events")
            .WithSummary("One event by its CBV 2.0 hash id (ni:/// id or 64-hex digest); with /proof appended, its inclusion proof")
            .Produces(200, contentType: "application/ld+json").Produces<Anchoring.EventProof>(200).ProducesProblem(404);
        app.MapPost("/events/{*eventIdAndAction}", DeclareError).WithTags("Events").RequireAuthorization(Policies.Organisation)
            .WithSummary("POST /events/{eventId}/error-declaration: its writer or a regulator declares a stored event in error")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    public static async Task<Ok<JsonObject>> Query(
        HttpContext context, Caller caller, IEventStore store, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var reader = await caller.RequireOrganisationAsync(context, cancellationToken);
        var query = Parse(context.Request.Query);
        var page = await store.QueryEventsAsync(query, cancellationToken);
        if (page.NextAfterSequence is { } next)
        {
            var link = QueryString.Create(context.Request.Query.Where(q => q.Key != "nextPageToken")
                .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())).Append(KeyValuePair.Create("nextPageToken", (string?)Token(next))));
            context.Response.Headers.Link = $"<{context.Request.PathBase}{context.Request.Path}{link}>; rel=\"next\"";
        }
        var entitled = await Entitlement.ForAsync(reader, page.Events, store, directory, cancellationToken);
        var events = new JsonArray(page.Events.Select(e => entitled.Serve(e)).ToArray());
        return TypedResults.Ok(new JsonObject
        {
            ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
            ["type"] = "EPCISQueryDocument",
            ["schemaVersion"] = "2.0",
            ["creationDate"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["epcisBody"] = new JsonObject
            {
                ["queryResults"] = new JsonObject
                {
                    ["queryName"] = "SimpleEventQuery",
                    ["resultsBody"] = new JsonObject { ["eventList"] = events },
                },
            },
        });
    }

    private const string ProofSuffix = "/proof";

    // The id holds slashes (ni:///...), so one catch-all route serves both the event and its proof.
    public static async Task<IResult> GetEventOrProof(
        string eventId, HttpContext context, Caller caller, IEventStore store, OrganisationDirectory directory, Anchoring.EventProofs proofs,
        CancellationToken cancellationToken) =>
        eventId.EndsWith(ProofSuffix, StringComparison.Ordinal)
            ? await ProofsApi.GetProof(eventId[..^ProofSuffix.Length], proofs, cancellationToken)
            : await GetEvent(eventId, context, caller, store, directory, cancellationToken);

    /// <summary>
    /// The event in full for those entitled to it (<see cref="Domain.Trust.ReadEntitlement"/>), its consumer view for
    /// everyone else. Headers say whose record it is and what the writer stood on.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetEvent(
        string eventId, HttpContext context, Caller caller, IEventStore store, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var reader = await caller.RequireOrganisationAsync(context, cancellationToken);
        var id = NormaliseId(SafeUnescape(eventId));
        var stored = id is null ? null : await store.GetEventAsync(id, cancellationToken);
        if (stored is null)
            return TypedResults.Problem(Errors.ProblemMapping.Create(404, "not-found", "Not found", $"no event {eventId}"));
        var entitled = await Entitlement.ForAsync(reader, [stored], store, directory, cancellationToken);
        context.Response.Headers["Trace-Recorded-By"] = stored.OrgId;
        context.Response.Headers["Trace-Standing"] = stored.Standing.Name();
        return TypedResults.Content(entitled.Serve(stored).ToJsonString(), "application/ld+json", Encoding.UTF8);
    }

    public sealed record DeclarationRequest(string? Reason, string? Explanation, List<string>? CorrectiveEventIds);

    /// <summary>
    /// EPCIS 2.0 error declaration without resending the event: the server sends the stored event again with an
    /// errorDeclaration through capture, so the same rules apply (its writer, or a regulator; 403 otherwise).
    /// </summary>
    public static async Task<Results<Ok<DeclaredView>, ProblemHttpResult>> DeclareError(
        string eventIdAndAction, HttpContext context, Caller caller, IEventStore store, Capture.CaptureService capture,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        const string Suffix = "/error-declaration";
        if (!eventIdAndAction.EndsWith(Suffix, StringComparison.Ordinal))
            return TypedResults.Problem(Errors.ProblemMapping.Create(404, "not-found", "Not found", "POST /events/{eventId}/error-declaration"));
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var id = NormaliseId(SafeUnescape(eventIdAndAction[..^Suffix.Length]));
        var stored = id is null ? null : await store.GetEventAsync(id, cancellationToken);
        if (stored is null)
            return TypedResults.Problem(Errors.ProblemMapping.Create(404, "not-found", "Not found", $"no event {eventIdAndAction[..^Suffix.Length]}"));
        var body = await Http.JsonBody.ReadAsync<DeclarationRequest>(context.Request, cancellationToken, "invalid-declaration");
        var errors = new List<FieldError>();
        var reason = body.Reason?.Trim() switch
        {
            "did_not_occur" or "https://ref.gs1.org/cbv/ER-did_not_occur" => "did_not_occur",
            "incorrect_data" or "https://ref.gs1.org/cbv/ER-incorrect_data" => "incorrect_data",
            _ => null,
        };
        if (reason is null) errors.Add(new("$.reason", "did_not_occur or incorrect_data (CBV error reasons)"));
        if (body.Explanation is { Length: > 1000 }) errors.Add(new("$.explanation", "at most 1000 characters"));
        if (body.CorrectiveEventIds is { Count: > 100 }) errors.Add(new("$.correctiveEventIds", "at most 100"));
        foreach (var (corrective, i) in (body.CorrectiveEventIds ?? []).Select((c, i) => (c, i)))
            if (NormaliseId(corrective ?? "") is null) errors.Add(new($"$.correctiveEventIds[{i}]", "an event id (ni:///sha-256;…?ver=CBV2.0)"));
        if (errors.Count > 0) throw TraceError.Invalid("invalid-declaration", "the declaration is not valid; nothing changed", errors);

        var evt = (JsonObject)JsonNode.Parse(stored.Json)!;
        if (evt["errorDeclaration"] is not null)
            return TypedResults.Ok(new DeclaredView(stored.EventId, "already-declared"));
        var declaration = new JsonObject
        {
            ["declarationTime"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["reason"] = reason,
        };
        if (body.CorrectiveEventIds is { Count: > 0 } ids) declaration["correctiveEventIDs"] = new JsonArray(ids.Select(c => (JsonNode?)NormaliseId(c)).ToArray());
        if (body.Explanation is { Length: > 0 } text) declaration[DeclarationNamespace + "explanation"] = text;
        declaration[DeclarationNamespace + "declaredBy"] = org.Id;
        evt["errorDeclaration"] = declaration;
        await capture.CaptureEventAsync(org, evt, cancellationToken);
        return TypedResults.Ok(new DeclaredView(stored.EventId, "declared"));
    }

    public sealed record DeclaredView(string EventId, string Status);

    /// <summary>Our extension of errorDeclaration: who declared it and why, in words (a full IRI needs no prefix).</summary>
    public const string DeclarationNamespace = "https://traceability.example/ns/declaration/1.0#";

    private static string SafeUnescape(string text)
    {
        try { return Uri.UnescapeDataString(text); }
        catch (UriFormatException) { return text; }
    }

    /// <summary>Accepts the ni:/// id or the bare 64-hex digest.</summary>
    internal static string? NormaliseId(string text)
    {
        if (text.Length == 64 && text.All(char.IsAsciiHexDigit)) return $"ni:///sha-256;{text.ToLowerInvariant()}?ver=CBV2.0";
        return text.StartsWith("ni:///sha-256;", StringComparison.Ordinal) ? text : null;
    }

    internal static EventQuery Parse(IQueryCollection q)
    {
        var unknown = q.Keys.Where(k => !KnownParameters.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw TraceError.Invalid("invalid-query", $"unknown query parameter(s): {string.Join(", ", unknown)}",
                unknown.Select(k => new FieldError(k, "not a supported query parameter")).ToList());

        var types = List(q, "eventType");
        foreach (var t in types.Where(t => !EventTypes.Contains(t)))
            throw TraceError.Invalid("invalid-query", "eventType", $"\"{t}\" is not an EPCIS event type");
        var perPage = 100;
        if (q.TryGetValue("perPage", out var pp) && (!int.TryParse(pp, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage < 1 || perPage > EventQuery.MaxPerPage))
            throw TraceError.Invalid("invalid-query", "perPage", $"must be a whole number from 1 to {EventQuery.MaxPerPage}");

        return new EventQuery
        {
            EventTypes = types,
            BizSteps = List(q, "EQ_bizStep").Select(v => Cbv.ToUri(CbvVocabulary.BizStep, v)).ToList(),
            Dispositions = List(q, "EQ_disposition").Select(v => Cbv.ToUri(CbvVocabulary.Disposition, v)).ToList(),
            AnyEpcs = List(q, "MATCH_anyEPC").Select(Identifiers.Canonical).ToList(),
            EpcClasses = List(q, "MATCH_epcClass").Select(Identifiers.Canonical).ToList(),
            BizLocations = List(q, "EQ_bizLocation").Select(Identifiers.Canonical).ToList(),
            GeEventTime = Time(q, "GE_eventTime"),
            LtEventTime = Time(q, "LT_eventTime"),
            GeRecordTime = Time(q, "GE_recordTime"),
            PerPage = perPage,
            AfterSequence = q.TryGetValue("nextPageToken", out var token) ? FromToken(token.ToString()) : 0,
        };
    }

    private static List<string> List(IQueryCollection q, string name) =>
        q.TryGetValue(name, out var values)
            ? values.SelectMany(v => (v ?? "").Split('|', StringSplitOptions.TrimEntries)).Select(v =>
                v.Length > 0 ? v : throw TraceError.Invalid("invalid-query", name, "empty value")).ToList()
            : [];

    private static DateTimeOffset? Time(IQueryCollection q, string name)
    {
        if (!q.TryGetValue(name, out var value)) return null;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && value.ToString().Contains('T')
            ? t : throw TraceError.Invalid("invalid-query", name, $"\"{value}\" is not an RFC 3339 date-time such as 2026-11-20T10:00:00Z");
    }

    private static string Token(long sequence) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"seq:{sequence}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static long FromToken(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("seq:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(4), out var seq) && seq >= 0) return seq;
        }
        catch (FormatException) { }
        throw TraceError.Invalid("invalid-query", "nextPageToken", "not a page token this server issued");
    }
}
