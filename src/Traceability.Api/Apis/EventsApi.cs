using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Organisations;
using Traceability.Domain.Trust;
using Traceability.Domain;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Query;
using Traceability.Storage;

namespace Traceability.Api.Apis;

public static class EventsApi
{
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

    /// <summary>
    /// GET /events: the EPCIS query language in the URL (every parameter of the binding, <see cref="EventQueryParser"/>),
    /// paged, each event as the reader is entitled to it, in JSON-LD or XML (<see cref="EventQueryResponses"/>).
    /// </summary>
    public static async Task<IResult> Query(HttpContext context, Caller caller, Queries.EventQueryRunner runner, CancellationToken cancellationToken)
    {
        var reader = await caller.RequireOrganisationAsync(context, cancellationToken);
        var query = EventQueryParser.Parse(Queries.EventQueryResponses.Parameters(context.Request.Query), Binding.EpcisBinding.Of(context).Prefixes);
        return await Queries.EventQueryResponses.AnswerAsync(context, reader, query, runner, "SimpleEventQuery", cancellationToken);
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
    public static async Task<IResult> GetEvent(
        string eventId, HttpContext context, Caller caller, IEventStore store, OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        var reader = await caller.RequireOrganisationAsync(context, cancellationToken);
        var xml = Queries.EventQueryResponses.WantsXml(context);
        var id = NormaliseId(SafeUnescape(eventId));
        var stored = id is null ? null : await store.GetEventAsync(id, cancellationToken);
        if (stored is null)
            return TypedResults.Problem(Errors.ProblemMapping.Create(404, "not-found", "Not found", $"no event {eventId}"));
        var entitled = await Entitlement.ForAsync(reader, [stored], store, directory, cancellationToken);
        context.Response.Headers["Trace-Recorded-By"] = stored.OrgId;
        context.Response.Headers["Trace-Standing"] = stored.Standing.Name();
        var served = entitled.Serve(stored);
        var prefixes = await context.RequestServices.GetRequiredService<Queries.EventQueryRunner>().PrefixLengthsAsync(cancellationToken);
        EpcFormats.Apply(served, Binding.EpcisBinding.Of(context).EpcFormat, prefixes);
        // The binding answers an EPCISQueryDocument holding the event; JSON keeps answering the bare event (API.md).
        return xml ? Queries.EventQueryResponses.XmlEvent(served) : TypedResults.Content(served.ToJsonString(), "application/ld+json", Encoding.UTF8);
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
}
