using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Traceability.Api.Auth;
using Traceability.Api.Binding;
using Traceability.Api.Http;
using Traceability.Api.Queries;
using Traceability.Api.Subscriptions;
using Traceability.Domain;
using Traceability.Domain.Epcis.Query;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// Named queries of the binding (<c>/queries</c>): each organisation creates, lists, reads and deletes its own, and
/// runs them at <c>/queries/{name}/events</c> (paged, or as a WebSocket stream, <see cref="QueryStreams"/>).
/// Subscriptions are in <see cref="SubscriptionsApi"/>.
/// </summary>
public static class QueriesApi
{
    public static IEndpointRouteBuilder MapQueriesApi(this IEndpointRouteBuilder app)
    {
        var queries = app.MapGroup("/queries").WithTags("Queries").RequireAuthorization(Policies.Organisation);
        queries.MapGet("", List).WithSummary("The caller's named queries, paged");
        queries.MapPost("", Create).WithSummary("Create a named query { name, query }").ProducesProblem(400).ProducesProblem(409).ProducesProblem(415);
        queries.MapGet("/{queryName}", Get).WithSummary("A named query's definition");
        queries.MapDelete("/{queryName}", Delete).WithSummary("Delete a named query, its subscriptions and WebSocket streams");
        queries.MapGet("/{queryName}/events", Events)
            .WithSummary("Run a named query (paged), or with Upgrade: websocket and stream=true or a schedule, stream its results");
        return app;
    }

    public static async Task<IResult> List(HttpContext context, Caller caller, ISubscriptionStore store, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var perPage = Math.Min(EventQueryResponses.PerPage(context.Request.Query), 1000);
        var after = context.Request.Query.TryGetValue("nextPageToken", out var t) ? Tokens.Decode(t.ToString()) : null;
        var page = await store.ListQueriesAsync(org.Id, after, perPage + 1, cancellationToken);
        if (page.Count > perPage)
            context.Response.Headers.Link = $"</queries?perPage={perPage}&nextPageToken={Tokens.Encode(page[perPage - 1].Name)}>; rel=\"next\"";
        return TypedResults.Json(new JsonArray(page.Take(perPage).Select(q => (JsonNode)NamedQueries.View(q)).ToArray()));
    }

    public static async Task<IResult> Create(HttpContext context, Caller caller, NamedQueries queries, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var body = await JsonBody.ReadAsync(context.Request, JsonBody.DefaultMaxBytes, cancellationToken) as JsonObject
            ?? throw TraceError.Invalid("epcisException:ValidationException", "$", "the body is a JSON object { name, query }");
        var created = await queries.CreateAsync(org.Id, body, EpcisBinding.Of(context).Prefixes, cancellationToken);
        return TypedResults.Created($"/queries/{Uri.EscapeDataString(created.Name)}", NamedQueries.View(created));
    }

    public static async Task<IResult> Get(string queryName, HttpContext context, Caller caller, NamedQueries queries, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var (stored, _) = await queries.GetAsync(org.Id, queryName, cancellationToken);
        return TypedResults.Json(NamedQueries.View(stored));
    }

    public static async Task<IResult> Delete(string queryName, HttpContext context, Caller caller, ISubscriptionStore store, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        if (queryName.Length > 100 || !await store.DeleteQueryAsync(org.Id, queryName, cancellationToken))
            throw TraceError.NotFound(NamedQueries.NotFound, $"no query named {queryName}");
        return TypedResults.NoContent();
    }

    public static async Task<IResult> Events(
        string queryName, HttpContext context, Caller caller, NamedQueries queries, EventQueryRunner runner, QueryStreams streams,
        CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var (stored, query) = await queries.GetAsync(org.Id, queryName, cancellationToken);
        var controls = QueryStreams.Controls(context.Request.Query);
        if (context.WebSockets.IsWebSocketRequest)
        {
            await streams.StreamAsync(context, org, stored, query, controls, cancellationToken);
            return TypedResults.Empty;
        }
        if (controls.Present)
            throw TraceError.Invalid("epcisException:SubscriptionControlsException", "stream",
                "stream and schedule parameters subscribe over a WebSocket: send Upgrade: websocket (webhooks: POST /queries/{name}/subscriptions)");
        var unknown = context.Request.Query.Keys.Where(k => !EventQueryResponses.PagingParameters.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw TraceError.Invalid(EventQueryParser.ParameterException, $"a named query takes no further parameters: {string.Join(", ", unknown)}",
                unknown.Select(k => new FieldError(k, "not a parameter of /queries/{queryName}/events")).ToList());
        return await EventQueryResponses.AnswerAsync(context, org, query, runner, stored.Name, cancellationToken);
    }
}

/// <summary>Opaque page tokens of name-ordered lists (base64url of the last name on the page).</summary>
internal static class Tokens
{
    public static string Encode(string last) => Convert.ToBase64String(Encoding.UTF8.GetBytes(last)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Decode(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            if (token.Length <= 400) return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException) { }
        throw TraceError.Invalid(EventQueryParser.ParameterException, "nextPageToken", "not a page token this server issued");
    }
}

/// <summary>Webhook subscriptions to named queries (<c>/queries/{name}/subscriptions</c>), delivered by <see cref="SubscriptionWorker"/>.</summary>
public static class SubscriptionsApi
{
    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/queries/{queryName}/subscriptions").WithTags("Subscriptions").RequireAuthorization(Policies.Organisation);
        group.MapGet("", List).WithSummary("The query's subscriptions, paged");
        group.MapPost("", Subscribe).WithSummary("Subscribe a webhook: { dest, signatureToken?, stream: true | schedule, reportIfEmpty?, initialRecordTime? }")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(415);
        group.MapGet("/{subscriptionID}", Get).WithSummary("One subscription (never its secret)");
        group.MapDelete("/{subscriptionID}", Unsubscribe).WithSummary("Unsubscribe");
        return app;
    }

    public sealed record SubscribeRequest(
        string? Dest, string? SignatureToken, bool? Stream, JsonObject? Schedule, bool? ReportIfEmpty, string? InitialRecordTime);

    public static async Task<IResult> Subscribe(
        string queryName, HttpContext context, Caller caller, NamedQueries queries, ISubscriptionStore store, DestinationGuard guard,
        EventQueryRunner runner, IOptions<SubscriptionOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var (named, _) = await queries.GetAsync(org.Id, queryName, cancellationToken);
        var body = await JsonBody.ReadAsync<SubscribeRequest>(context.Request, cancellationToken, "epcisException:SubscriptionControlsException");
        const string Code = "epcisException:SubscriptionControlsException";
        var errors = new List<FieldError>();
        if (body.Stream is false) errors.Add(new FieldError("$.stream", "is true or left out (a schedule instead)"));
        if ((body.Stream is true) == (body.Schedule is not null))
            errors.Add(new FieldError("$.stream", "give either \"stream\": true (deliver as events are captured) or a \"schedule\", not both"));
        string? scheduleJson = null;
        if (body.Schedule is { } schedule)
        {
            QuerySchedule.Parse(schedule, "$.schedule.", errors);
            scheduleJson = schedule.ToJsonString();
        }
        if (body.SignatureToken is { } token && (token.Length is < 16 or > 1024))
            errors.Add(new FieldError("$.signatureToken", "16 to 1024 characters: the key of the HMAC-SHA256 signature of each delivery"));
        DateTimeOffset? initial = null;
        if (body.InitialRecordTime is { } text)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && text.Contains('T')) initial = t;
            else errors.Add(new FieldError("$.initialRecordTime", "an RFC 3339 date-time such as 2026-11-20T10:00:00Z"));
        }
        if (errors.Count > 0) throw TraceError.Invalid(Code, "the subscription is not valid", errors);
        var dest = await guard.CheckAsync(body.Dest, cancellationToken);
        var existing = await store.ListSubscriptionsAsync(org.Id, named.Name, null, options.Value.MaxSubscriptionsPerQuery, cancellationToken);
        if (existing.Count >= options.Value.MaxSubscriptionsPerQuery)
            throw TraceError.Conflict("too-many-subscriptions", $"a query has at most {options.Value.MaxSubscriptionsPerQuery} subscriptions");

        var now = clock.GetUtcNow();
        var subscription = new Subscription(Guid.NewGuid().ToString(), org.Id, named.Name, dest.AbsoluteUri, body.SignatureToken, body.Stream is true,
            scheduleJson, body.ReportIfEmpty is true, initial, EpcFormats.Name(EpcisBinding.Of(context).EpcFormat), now)
        {
            // Without an initial record time, only events captured from now on are delivered.
            Position = initial is null ? await runner.LatestSequenceAsync(cancellationToken) : 0,
        };
        subscription = subscription with { NextAttemptAt = SubscriptionWorker.NextScheduled(subscription, now) };
        await store.AddSubscriptionAsync(subscription, cancellationToken);
        return TypedResults.Created($"/queries/{Uri.EscapeDataString(named.Name)}/subscriptions/{subscription.Id}", View(subscription));
    }

    public static async Task<IResult> List(string queryName, HttpContext context, Caller caller, NamedQueries queries, ISubscriptionStore store, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var (named, _) = await queries.GetAsync(org.Id, queryName, cancellationToken);
        var perPage = Math.Min(EventQueryResponses.PerPage(context.Request.Query), 1000);
        var after = context.Request.Query.TryGetValue("nextPageToken", out var t) ? Tokens.Decode(t.ToString()) : null;
        var page = await store.ListSubscriptionsAsync(org.Id, named.Name, after, perPage + 1, cancellationToken);
        if (page.Count > perPage)
            context.Response.Headers.Link =
                $"</queries/{Uri.EscapeDataString(named.Name)}/subscriptions?perPage={perPage}&nextPageToken={Tokens.Encode(page[perPage - 1].Id)}>; rel=\"next\"";
        return TypedResults.Json(new JsonArray(page.Take(perPage).Select(s => (JsonNode)View(s)).ToArray()));
    }

    public static async Task<IResult> Get(string queryName, string subscriptionID, HttpContext context, Caller caller, ISubscriptionStore store, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        var s = subscriptionID.Length <= 100 ? await store.GetSubscriptionAsync(subscriptionID, cancellationToken) : null;
        // Another organisation's subscription is absent, not forbidden: its id reveals nothing.
        if (s is null || s.OrgId != org.Id || s.QueryName != queryName)
            throw TraceError.NotFound(NamedQueries.NotFound, $"no subscription {subscriptionID} to query {queryName}");
        context.Response.Headers["GS1-Query-Min-Record-Time"] = MinRecordTime(s).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return TypedResults.Json(View(s));
    }

    public static async Task<IResult> Unsubscribe(string queryName, string subscriptionID, HttpContext context, Caller caller, ISubscriptionStore store, CancellationToken cancellationToken)
    {
        var org = await caller.RequireOrganisationAsync(context, cancellationToken);
        if (subscriptionID.Length > 100 || !await store.DeleteSubscriptionAsync(org.Id, queryName, subscriptionID, cancellationToken))
            throw TraceError.NotFound(NamedQueries.NotFound, $"no subscription {subscriptionID} to query {queryName}");
        return TypedResults.NoContent();
    }

    private static DateTimeOffset MinRecordTime(Subscription s) => (s.LastNotifiedAt ?? s.InitialRecordTime ?? s.CreatedAt).ToUniversalTime();

    /// <summary>The binding's view of a subscription; the signature token is never shown (only whether there is one).</summary>
    public static JsonObject View(Subscription s)
    {
        static string? Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var view = new JsonObject
        {
            ["subscriptionID"] = s.Id,
            ["queryName"] = s.QueryName,
            ["dest"] = s.Dest,
            ["createdAt"] = Time(s.CreatedAt),
            ["signed"] = s.SignatureToken is not null,
            ["reportIfEmpty"] = s.ReportIfEmpty,
            ["epcFormat"] = s.EpcFormat,
            ["minRecordTime"] = Time(MinRecordTime(s)),
        };
        if (s.Stream) view["stream"] = true;
        if (s.ScheduleJson is not null) view["schedule"] = JsonNode.Parse(s.ScheduleJson);
        if (s.InitialRecordTime is not null) view["initialRecordTime"] = Time(s.InitialRecordTime);
        if (s.LastNotifiedAt is not null) view["lastNotifiedAt"] = Time(s.LastNotifiedAt);
        if (s.Attempts > 0)
        {
            view["failedAttempts"] = s.Attempts;
            view["lastError"] = s.LastError;
            view["nextAttemptAt"] = Time(s.NextAttemptAt);
        }
        return view;
    }
}
