using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Api.Auth;
using Traceability.Domain;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Fsma;
using Traceability.Domain.Gs1;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>GET /exports/fsma204: the FDA Food Traceability Rule's sortable spreadsheet, as CSV.</summary>
public static class ExportsApi
{
    /// <summary>A regulator's request must stay answerable in one go; larger periods are asked in parts.</summary>
    public const int MaxEvents = 200_000;

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/fsma204", Fsma204).WithTags("Exports")
            .WithSummary("FSMA 204 sortable spreadsheet (CSV): one row per lot per critical tracking event, sorted by traceability lot code")
            .Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(403);
        return app;
    }

    public static async Task<IResult> Fsma204(
        string? from, string? to, string? gtin, HttpContext context, Caller caller, ITraceStore store, CancellationToken cancellationToken)
    {
        await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Regulator);
        var start = Bound("from", from, endOfDay: false);
        var end = Bound("to", to, endOfDay: true);
        if (start is not null && end is not null && end <= start) throw TraceError.Invalid("invalid-query", "to", "must be after from");
        string? gtinPrefix = null;
        if (gtin is not null)
            gtinPrefix = Gtin.TryParse(gtin, out var g) ? $"/01/{g.Value}/" : throw TraceError.Invalid("invalid-gtin", "gtin", $"{gtin} is not a valid GTIN");

        var inPeriod = await EventsAsync(new EventQuery { GeEventTime = start, LtEventTime = end, PerPage = EventQuery.MaxPerPage }, gtinPrefix, store, cancellationToken);
        // Each lot's creating event names where its code was assigned (the TLC source), even when it falls before the period.
        var known = inPeriod.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        var lotKeys = inPeriod.SelectMany(e => e.LotKeys).Where(k => k.StartsWith("/01/", StringComparison.Ordinal)).Distinct().ToList();
        var creators = new List<StoredEvent>();
        foreach (var lot in (await store.GetLotsAsync(lotKeys, cancellationToken)).Values)
            if (known.Add(lot.FirstEventId) && await store.GetEventAsync(lot.FirstEventId, cancellationToken) is { } creator) creators.Add(creator);

        var organisations = (await store.ListOrganisationsAsync(cancellationToken)).ToDictionary(o => o.Id);
        var names = organisations.Values.Where(o => o.Gln is not null).ToDictionary(o => o.Gln!, o => o.Name);
        var products = new Dictionary<string, string?>();
        foreach (var g in lotKeys.Select(k => k.Split('/')[2]).Distinct())
            products[g] = (await store.GetProductAsync(g, cancellationToken)) is { } p ? Consumer.Localised.Pick(p.Name, "en") : null;

        var recorded = inPeriod.Concat(creators).Select(e =>
        {
            var org = organisations.GetValueOrDefault(e.OrgId);
            return new RecordedEvent(EpcisEvent.FromJson((JsonObject)JsonNode.Parse(e.Json)!), org?.Name ?? e.OrgId, org?.Gln, e.EventId);
        });
        var rows = Fsma204Export.Rows(recorded, g => products.GetValueOrDefault(g), gln => names.GetValueOrDefault(gln))
            .Where(r => (start is null || r.EventTime >= start) && (end is null || r.EventTime < end))
            .Where(r => gtinPrefix is null || r.TraceabilityLotCode.StartsWith($"(01){gtinPrefix[4..^1]}", StringComparison.Ordinal))
            .Order(Fsma204Row.Order)
            .ToList();

        var csv = new StringWriter(CultureInfo.InvariantCulture);
        Fsma204Export.WriteCsv(rows, csv);
        var fileName = $"fsma204-{start?.ToString("yyyyMMdd") ?? "start"}-{end?.AddDays(-1).ToString("yyyyMMdd") ?? "now"}.csv";
        // UTF-8 with a byte order mark so spreadsheet programs read the Chinese names correctly.
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
    }

    private static async Task<List<StoredEvent>> EventsAsync(EventQuery query, string? gtinPrefix, ITraceStore store, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        while (true)
        {
            var page = await store.QueryEventsAsync(query, cancellationToken);
            events.AddRange(page.Events.Where(e => gtinPrefix is null || e.LotKeys.Any(k => k.StartsWith(gtinPrefix, StringComparison.Ordinal))));
            if (events.Count > MaxEvents)
                throw TraceError.Invalid("export-too-large", "from", $"more than {MaxEvents} events in the period; ask for a shorter one or one GTIN");
            if (page.NextAfterSequence is not { } next) return events;
            query = query with { AfterSequence = next };
        }
    }

    /// <summary>A date (whole day, in UTC) or an RFC 3339 time; null when absent.</summary>
    private static DateTimeOffset? Bound(string name, string? text, bool endOfDay)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && text.Contains('T')) return time;
        throw TraceError.Invalid("invalid-query", name, "a date (2026-11-20) or an RFC 3339 time with offset");
    }
}
