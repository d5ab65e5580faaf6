using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Http;
using Traceability.Api.Organisations;
using Traceability.Domain;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Lab;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// Rapid-test supervision (快检监管) for regulators: results by test site, analyte and day with the failure rate; every
/// failure with its follow-up, flagged when it was not handled within 72 hours; the follow-up a regulator records
/// (retest result, action taken, sampling order number). Read from the stored lab-result events themselves, so results
/// captured through /capture count as those posted through /lab-results.
/// </summary>
public static class SupervisionApi
{
    public static readonly TimeSpan FollowUpWithin = TimeSpan.FromHours(72);
    private const int MaxDays = 31;
    private const int MaxEvents = 20_000;

    public sealed record Group(string Site, string Analyte, string Day, int Tests, int Failed, decimal FailureRate);
    public sealed record Retest(string EventId, string Verdict, DateTimeOffset TestedAt);
    public sealed record Failure(
        string EventId, string Gtin, string Lot, string Site, string? Vendor, string Analyte, string Method, string Found, DateTimeOffset TestedAt,
        string LabOrgId, string LabName, string? SamplingOrderNo, string? PhotoSha256, string Status, bool Flagged, DateTimeOffset DueBy,
        IReadOnlyList<Retest> Retests, FollowUp? FollowUp);
    public sealed record Supervision(string From, string To, int Tests, int Failed, decimal FailureRate, IReadOnlyList<Group> Groups,
        IReadOnlyList<Failure> Failures, bool Truncated);
    public sealed record FollowUpRequest(string? ResultEventId, string? Action, string? RetestEventId, string? SamplingOrderNo, string? Note, string? HandledAt);

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/supervision").WithTags("Supervision").RequireAuthorization(Policies.Regulator);
        group.MapGet("/rapid-tests", RapidTests).WithSummary("Rapid-test results by site, analyte and day; failures with their follow-up (?from=&to=&site=&analyte=)")
            .ProducesProblem(400);
        group.MapPost("/follow-ups", RecordFollowUp).WithSummary("Record what was done about a failed result: retest, action, sampling order")
            .ProducesProblem(400).ProducesProblem(404);
        return app;
    }

    public static async Task<Ok<Supervision>> RapidTests(
        string? from, string? to, string? site, string? analyte, ITraceStore store, OrganisationDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Lab.LabResultSheet.DefaultOffset).DateTime);
        var last = Day(to, "to") ?? today;
        var first = Day(from, "from") ?? last.AddDays(-6);
        if (first > last || last.DayNumber - first.DayNumber >= MaxDays)
            throw TraceError.Invalid("invalid-query", "from", $"from must not be after to, and the period at most {MaxDays} days");
        if (site is { Length: > 200 } || analyte is { Length: > 200 }) throw TraceError.Invalid("invalid-query", "site", "at most 200 characters");

        var (results, truncated) = await ResultsAsync(store, Start(first), Start(last.AddDays(1)), cancellationToken);
        var orgs = await directory.GetAsync(cancellationToken);
        string SiteOf((StoredEvent Event, LabResult Result) r) => r.Result.TestSite ?? orgs.Get(r.Event.OrgId)?.Name ?? r.Event.OrgId;
        var chosen = results.Where(r => (site is null || SiteOf(r) == site) && (analyte is null || r.Result.Analyte.Name == analyte)).ToList();

        var groups = chosen.GroupBy(r => (Site: SiteOf(r), r.Result.Analyte.Name, Day: r.Result.TestedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Select(g => new Group(g.Key.Site, g.Key.Name, g.Key.Day, g.Count(), g.Count(r => r.Result.Verdict == Verdict.Fail), Rate(g.Count(r => r.Result.Verdict == Verdict.Fail), g.Count())))
            .OrderByDescending(g => g.Day).ThenBy(g => g.Site, StringComparer.Ordinal).ThenBy(g => g.Analyte, StringComparer.Ordinal).ToList();

        var failures = chosen.Where(r => r.Result.Verdict == Verdict.Fail && r.Result.RetestOf is null).ToList();
        var followUps = await store.GetFollowUpsAsync(failures.Select(f => f.Event.EventId).ToList(), cancellationToken);
        var retests = results.Where(r => r.Result.RetestOf is not null).ToLookup(r => r.Result.RetestOf!, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var failureViews = failures.Select(f =>
        {
            followUps.TryGetValue(f.Event.EventId, out var fu);
            var (status, flagged) = Status(f.Result.TestedAt, fu, now);
            return new Failure(f.Event.EventId, f.Result.Gtin.Value, f.Result.Lot.Value, SiteOf(f), f.Result.Vendor, f.Result.Analyte.Name, f.Result.Method.Value,
                Found(f.Result), f.Result.TestedAt, f.Event.OrgId, orgs.Get(f.Event.OrgId)?.Name ?? f.Event.OrgId, f.Result.SamplingOrderNo, f.Result.PhotoSha256,
                status, flagged, DueBy(f.Result.TestedAt),
                retests[f.Event.EventId].Select(r => new Retest(r.Event.EventId, r.Result.Verdict.ToWord(), r.Result.TestedAt)).ToList(), fu);
        }).OrderByDescending(f => f.Flagged).ThenByDescending(f => f.TestedAt).ToList();

        var failed = chosen.Count(r => r.Result.Verdict == Verdict.Fail);
        return TypedResults.Ok(new Supervision(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            chosen.Count, failed, Rate(failed, chosen.Count), groups, failureViews, truncated));
    }

    public static async Task<Results<Created<Failure>, Ok<Failure>>> RecordFollowUp(
        HttpContext context, Caller caller, ITraceStore store, OrganisationDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var regulator = await caller.RequireRoleAsync(context, cancellationToken, Domain.Organisations.OrgRole.Regulator);
        var body = await JsonBody.ReadAsync<FollowUpRequest>(context.Request, cancellationToken, "invalid-follow-up");
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(body.ResultEventId)) errors.Add(new("$.resultEventId", "required: the failed result's event id"));
        if (string.IsNullOrWhiteSpace(body.Action) || body.Action.Length > 500 || body.Action.Any(char.IsControl))
            errors.Add(new("$.action", "required, at most 500 characters on one line: what was done (下架, 销毁, 责令整改 …)"));
        if (body.SamplingOrderNo is { } no && (no.Length > 64 || no.Any(char.IsControl))) errors.Add(new("$.samplingOrderNo", "at most 64 characters"));
        if (body.Note is { Length: > 1000 }) errors.Add(new("$.note", "at most 1000 characters"));
        var now = clock.GetUtcNow();
        DateTimeOffset handledAt = now;
        if (body.HandledAt is not null && (!Console.OffsetTime.TryParse(body.HandledAt, out handledAt) || handledAt > now.AddMinutes(5)))
            errors.Add(new("$.handledAt", "an RFC 3339 time, not in the future, e.g. 2026-11-21T09:30:00+08:00"));
        if (errors.Count > 0) throw TraceError.Invalid("invalid-follow-up", "the follow-up is not valid; nothing was stored", errors);

        var (resultEvent, result) = await ReadResultAsync(store, body.ResultEventId!.Trim(), cancellationToken)
            ?? throw TraceError.NotFound("unknown-result", "no lab result with this event id is recorded here");
        if (result.Verdict != Verdict.Fail)
            throw TraceError.Invalid("invalid-follow-up", "$.resultEventId", "only a failed result is followed up");
        if (handledAt < result.TestedAt) throw TraceError.Invalid("invalid-follow-up", "$.handledAt", "a failure cannot be handled before it was found");
        string? retestId = null, retestVerdict = null;
        if (!string.IsNullOrWhiteSpace(body.RetestEventId))
        {
            var (retestEvent, retest) = await ReadResultAsync(store, body.RetestEventId.Trim(), cancellationToken)
                ?? throw TraceError.Invalid("invalid-follow-up", "$.retestEventId", "no lab result with this event id is recorded here");
            if (retest.LotPath != result.LotPath || !string.Equals(retest.Analyte.Name, result.Analyte.Name, StringComparison.OrdinalIgnoreCase))
                throw TraceError.Invalid("invalid-follow-up", "$.retestEventId", "a retest is of the same lot and analyte as the failure");
            (retestId, retestVerdict) = (retestEvent.EventId, retest.Verdict.ToWord());
        }
        var followUp = new FollowUp(resultEvent.EventId, regulator.Id, body.Action!.Trim(), retestId, retestVerdict,
            string.IsNullOrWhiteSpace(body.SamplingOrderNo) ? result.SamplingOrderNo : body.SamplingOrderNo.Trim(), body.Note?.Trim(), handledAt, now);
        var replaced = await store.SaveFollowUpAsync(followUp, cancellationToken);

        var orgs = await directory.GetAsync(cancellationToken);
        var (status, flagged) = Status(result.TestedAt, followUp, now);
        var view = new Failure(resultEvent.EventId, result.Gtin.Value, result.Lot.Value, result.TestSite ?? orgs.Get(resultEvent.OrgId)?.Name ?? resultEvent.OrgId,
            result.Vendor, result.Analyte.Name, result.Method.Value, Found(result), result.TestedAt, resultEvent.OrgId, orgs.Get(resultEvent.OrgId)?.Name ?? resultEvent.OrgId,
            result.SamplingOrderNo, result.PhotoSha256, status, flagged, DueBy(result.TestedAt),
            retestId is null ? [] : [new Retest(retestId, retestVerdict!, result.TestedAt)], followUp);
        return replaced ? TypedResults.Ok(view) : TypedResults.Created($"/supervision/follow-ups/{Uri.EscapeDataString(resultEvent.EventId)}", view);
    }

    /// <summary>When a failure's follow-up is due: 72 hours after the test (saturating at the calendar's end).</summary>
    public static DateTimeOffset DueBy(DateTimeOffset testedAt) =>
        testedAt > DateTimeOffset.MaxValue - FollowUpWithin ? DateTimeOffset.MaxValue : testedAt + FollowUpWithin;

    /// <summary>open (within 72 h), overdue, handled, or handled-late; flagged when the 72 hours passed unhandled.</summary>
    public static (string Status, bool Flagged) Status(DateTimeOffset testedAt, FollowUp? followUp, DateTimeOffset now)
    {
        var due = DueBy(testedAt);
        if (followUp is null) return now > due ? ("overdue", true) : ("open", false);
        return followUp.HandledAt > due ? ("handled-late", true) : ("handled", false);
    }

    /// <summary>The lab results (not declared in error) recorded in a period, read from their events.</summary>
    public static async Task<(List<(StoredEvent Event, LabResult Result)>, bool Truncated)> ResultsAsync(
        ITraceStore store, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var list = new List<(StoredEvent, LabResult)>();
        long after = 0;
        var read = 0;
        while (true)
        {
            var page = await store.QueryEventsAsync(new EventQuery
            {
                BizSteps = [Domain.Epcis.Model.Cbv.ToUri(Domain.Epcis.Model.CbvVocabulary.BizStep, "inspecting")],
                EventTypes = ["ObjectEvent"], GeEventTime = from, LtEventTime = to, PerPage = 1000, AfterSequence = after,
            }, cancellationToken);
            foreach (var e in page.Events)
                if (!e.Declared && JsonNode.Parse(e.Json) is JsonObject json && LabResult.TryRead(json, out var result)) list.Add((e, result));
            read += page.Events.Count;
            if (page.NextAfterSequence is not { } next) return (list, false);
            if (read >= MaxEvents) return (list, true);
            after = next;
        }
    }

    private static async Task<(StoredEvent, LabResult)?> ReadResultAsync(ITraceStore store, string eventId, CancellationToken cancellationToken)
    {
        if (eventId.Length > 200) return null;
        var e = await store.GetEventAsync(eventId, cancellationToken);
        return e is not null && !e.Declared && JsonNode.Parse(e.Json) is JsonObject json && LabResult.TryRead(json, out var result) ? (e, result) : null;
    }

    private static string Found(LabResult r) => r.Measured is { } m ? $"{m.Value.ToString(CultureInfo.InvariantCulture)} {m.Unit.Symbol}" : r.Qualitative?.ToWord() ?? "";

    private static decimal Rate(int failed, int total) => total == 0 ? 0 : Math.Round((decimal)failed / total, 4);

    private static DateOnly? Day(string? text, string name) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 9998 ? d
        : throw TraceError.Invalid("invalid-query", name, "a date yyyy-MM-dd between 2000 and 9998");

    // Days are China Standard Time days, as the labs' records are.
    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Lab.LabResultSheet.DefaultOffset);
}
