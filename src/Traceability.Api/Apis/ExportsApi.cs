using System.Globalization;
using System.Text;
using Traceability.Api.Auth;
using Traceability.Api.Exports;
using Traceability.Api.Genealogy;
using Traceability.Domain;
using Traceability.Domain.Fsma;
using Traceability.Domain.Gs1;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>GET /exports/fsma204: the FDA Food Traceability Rule's sortable spreadsheet, as CSV or XLSX.</summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/fsma204", Fsma204).WithTags("Exports")
            .WithSummary("FSMA 204 sortable spreadsheet: one row per lot per critical tracking event, sorted by traceability lot code; " +
                         "?from=&to= (dates or RFC 3339 times), ?gtin= for one product, ?gtin=&lot= for one lot traced both ways, ?format=csv|xlsx")
            .Produces(200, contentType: "text/csv").Produces(200, contentType: Fsma204Workbook.ContentType)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    public static async Task<IResult> Fsma204(
        string? from, string? to, string? gtin, string? lot, string? format, HttpContext context, Caller caller, ITraceStore store, LotIndex index,
        CancellationToken cancellationToken)
    {
        await caller.RequireRoleAsync(context, cancellationToken, OrgRole.Regulator);
        var xlsx = (format ?? "csv") switch
        {
            "csv" => false,
            "xlsx" => true,
            _ => throw TraceError.Invalid("invalid-query", "format", "csv or xlsx"),
        };
        var start = Bound("from", from, endOfDay: false);
        var end = Bound("to", to, endOfDay: true);
        if (start is not null && end is not null && end <= start) throw TraceError.Invalid("invalid-query", "to", "must be after from");
        string? gtin14 = null;
        if (gtin is not null)
            gtin14 = Gtin.TryParse(gtin, out var g) ? g.Value : throw TraceError.Invalid("invalid-gtin", "gtin", $"{gtin} is not a valid GTIN");
        string? lotKey = null;
        if (lot is not null)
            lotKey = gtin is null ? throw TraceError.Invalid("invalid-query", "lot", "a lot is asked for with its gtin") : LotAccess.LotKey(gtin, lot);

        var query = new Fsma204Query(start, end, gtin14, lotKey);
        var rows = await new Fsma204Selection(store, index).RowsAsync(query, cancellationToken);

        var name = "fsma204-" + (lotKey is null ? "" : $"{gtin14}-{Sanitise(lot!)}-") +
                   $"{Day(start, 0) ?? "start"}-{Day(end, -1) ?? "now"}";
        if (xlsx)
        {
            if (rows.Count > Fsma204Workbook.MaxRows)
                throw TraceError.Invalid("export-too-large", "format", $"{rows.Count} rows: XLSX holds at most {Fsma204Workbook.MaxRows}; ask for CSV or a shorter period");
            return TypedResults.File(Fsma204Workbook.Write(rows, Describe(query, lot)), Fsma204Workbook.ContentType, name + ".xlsx");
        }
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        Fsma204Export.WriteCsv(rows, csv);
        // UTF-8 with a byte order mark so spreadsheet programs read the Chinese names correctly.
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name + ".csv");
    }

    private static List<(string, string)> Describe(Fsma204Query query, string? lot) =>
    [
        ("Requested", "FSMA 204 sortable spreadsheet (21 CFR 1.1455(c)(3)(ii))"),
        ("From", query.From?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "(open)"),
        ("To (exclusive)", query.To?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "(open)"),
        ("GTIN", query.Gtin ?? "(all)"),
        ("Lot", lot is null ? "(all)" : $"{lot}: its critical tracking events and those of every lot it was traced to, both ways through transformations and pallets"),
        ("Left out", "Events declared in error by their writer (EPCIS errorDeclaration)."),
    ];

    /// <summary>A bound's day for the file name (the last day included for the exclusive end), safe at the ends of the calendar.</summary>
    private static string? Day(DateTimeOffset? bound, int days) => bound is not { } b ? null
        : (days < 0 && b.UtcDateTime.Date == DateTime.MinValue.Date ? b : b.AddDays(days)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The lot as a file name part: characters outside [A-Za-z0-9._-] become '_'.</summary>
    private static string Sanitise(string lot) =>
        new(lot.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray());

    /// <summary>A date (whole day, in UTC) or an RFC 3339 time; null when absent.</summary>
    private static DateTimeOffset? Bound(string name, string? text, bool endOfDay)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? (day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : start.AddDays(1)) : start;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && text.Contains('T')) return time;
        throw TraceError.Invalid("invalid-query", name, "a date (2026-11-20) or an RFC 3339 time with offset");
    }
}
