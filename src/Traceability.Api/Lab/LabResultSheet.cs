using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using Traceability.Domain;
using Traceability.Domain.Lab;

namespace Traceability.Api.Lab;

/// <summary>
/// A day's results as a spreadsheet (CSV or XLSX, first sheet): a header row naming columns in English or Chinese, then
/// one result per row. Each row becomes the same <see cref="LabResultRequest"/> POST /lab-results takes, so a row is
/// valid exactly when the same result posted alone would be. Bounded: 2 MB, 2,000 rows, and an XLSX's parts may unpack
/// to at most 40 MB (checked before the workbook is opened, so no zip bomb reaches ClosedXML).
/// </summary>
public static class LabResultSheet
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;
    private const long MaxUnpackedBytes = 40L * 1024 * 1024;
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Times without an offset are China Standard Time, as the labs writing them are.</summary>
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromHours(8);

    /// <summary>Column keys and the header spellings that name them (case and spaces ignored).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["gtin"] = ["gtin", "商品条码", "条码"],
        ["lot"] = ["lot", "批号", "批次"],
        ["sampleId"] = ["sampleid", "样品编号"],
        ["analyte"] = ["analyte", "检测项目"],
        ["inchiKey"] = ["inchikey"],
        ["method"] = ["method", "检测方法", "检测依据"],
        ["qualitative"] = ["qualitative", "定性结果"],
        ["value"] = ["value", "检测值", "检测结果"],
        ["unit"] = ["unit", "单位"],
        ["limit"] = ["limit", "限量", "限量值"],
        ["limitUnit"] = ["limitunit", "限量单位"],
        ["limitSource"] = ["limitsource", "判定依据", "限量标准"],
        ["verdict"] = ["verdict", "结论", "判定结论"],
        ["kitLot"] = ["kitlot", "试剂批号"],
        ["kitExpiry"] = ["kitexpiry", "试剂有效期"],
        ["referenceMaterial"] = ["referencematerial", "标准物质"],
        ["instrument"] = ["instrument", "设备", "仪器"],
        ["analyst"] = ["analyst", "检测人员", "检测人"],
        ["testedAt"] = ["testedat", "检测时间"],
        ["testSite"] = ["testsite", "检测点"],
        ["vendor"] = ["vendor", "经营户", "被检经营户"],
        ["samplingOrderNo"] = ["samplingorderno", "抽样单号"],
        ["retestOf"] = ["retestof", "复检原结果"],
        ["photoSha256"] = ["photosha256", "照片sha256"],
    };

    public sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells);

    /// <summary>The rows of an upload (number = the row's line in the sheet, the header being 1).</summary>
    public static IReadOnlyList<Row> Read(byte[] body, string? contentType)
    {
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var table = media switch
        {
            "text/csv" => Csv(body),
            XlsxMediaType => Xlsx(body),
            _ => throw new TraceError(ErrorKind.UnsupportedMediaType, "unsupported-media-type",
                $"send the results as text/csv (UTF-8) or {XlsxMediaType}, not \"{contentType}\""),
        };
        if (table.Count == 0) throw Bad("the sheet is empty: a header row and one row per result are expected");
        var keys = table[0].Select(ColumnKey).ToList();
        var unknown = table[0].Where((h, i) => keys[i] is null && !string.IsNullOrWhiteSpace(h)).ToList();
        if (unknown.Count > 0) throw Bad($"unknown column(s): {string.Join(", ", unknown)}; known: {string.Join(", ", Columns.Keys)}");
        if (keys.OfType<string>().GroupBy(k => k).FirstOrDefault(g => g.Count() > 1) is { } twice) throw Bad($"column {twice.Key} appears twice");
        var rows = new List<Row>();
        for (var r = 1; r < table.Count; r++)
        {
            if (table[r].All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count == MaxRows) throw Bad($"at most {MaxRows} results an upload");
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < keys.Count && c < table[r].Count; c++)
                if (keys[c] is { } key && !string.IsNullOrWhiteSpace(table[r][c])) cells[key] = table[r][c].Trim();
            rows.Add(new Row(r + 1, cells));
        }
        if (rows.Count == 0) throw Bad("the sheet has a header but no results");
        return rows;
    }

    /// <summary>The request a row stands for, and the cells that could not even be read as their type.</summary>
    public static (LabResultRequest Request, List<FieldError> Errors) ToRequest(Row row)
    {
        var errors = new List<FieldError>();
        string? Cell(string key) => row.Cells.GetValueOrDefault(key);
        decimal? Number(string key)
        {
            if (Cell(key) is not { } text) return null;
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
            errors.Add(new FieldError(key, $"'{text}' is not a number"));
            return null;
        }
        var value = Number("value");
        var limit = Number("limit");
        var qualitative = Cell("qualitative") switch { "阴性" => "negative", "阳性" => "positive", var q => q?.ToLowerInvariant() };
        var verdict = Cell("verdict") switch { "合格" => "pass", "不合格" => "fail", var v => v?.ToLowerInvariant() };
        var request = new LabResultRequest(
            Gtin: Cell("gtin"), Lot: Cell("lot"), SampleId: Cell("sampleId"),
            Analyte: Cell("analyte") is null && Cell("inchiKey") is null ? null : new AnalyteInput(Cell("analyte"), Cell("inchiKey")),
            Method: Cell("method"),
            Result: qualitative is not null || value is not null || Cell("unit") is not null ? new ResultInput(qualitative, value, qualitative is null ? Cell("unit") : null) : null,
            // A qualitative card has no limit to compare with; its standard alone is no limit.
            Limit: limit is null && Cell("limitUnit") is null ? null : new LimitInput(limit, Cell("limitUnit") ?? Cell("unit"), Cell("limitSource")),
            Verdict: verdict, KitLot: Cell("kitLot"), KitExpiry: Cell("kitExpiry"),
            ReferenceMaterial: Cell("referenceMaterial") is { } rm ? new ReferenceMaterialInput(rm) : null,
            Instrument: Cell("instrument"), Analyst: Cell("analyst"), TestedAt: Time(Cell("testedAt")),
            TestSite: Cell("testSite"), Vendor: Cell("vendor"), SamplingOrderNo: Cell("samplingOrderNo"),
            PhotoSha256: Cell("photoSha256"), RetestOf: Cell("retestOf"));
        return (request, errors);
    }

    /// <summary>The column a JSON path of the result refers to ($.result.value → value).</summary>
    public static string ColumnOf(string path) => path switch
    {
        "$.analyte" or "$.analyte.name" => "analyte",
        "$.analyte.inchiKey" => "inchiKey",
        "$.result" or "$.result.value" => "value",
        "$.result.qualitative" => "qualitative",
        "$.result.unit" => "unit",
        "$.limit" or "$.limit.value" => "limit",
        "$.limit.unit" => "limitUnit",
        "$.limit.source" => "limitSource",
        "$.referenceMaterial" or "$.referenceMaterial.number" or "$.referenceMaterial.batch" => "referenceMaterial",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..].Split('.', '[')[0],
        _ => path,
    };

    // "2026-11-20 10:00" and Excel's dates are the lab's own time, China Standard Time; RFC 3339 passes as written.
    private static string? Time(string? text)
    {
        if (text is null) return null;
        string[] local = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];
        return DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(t, DefaultOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : text;
    }

    private static string? ColumnKey(string header)
    {
        var folded = string.Concat(header.Where(c => !char.IsWhiteSpace(c) && c != '_')).ToLowerInvariant().TrimStart('\uFEFF');
        return Columns.FirstOrDefault(c => c.Value.Contains(folded)).Key;
    }

    private static List<List<string>> Csv(byte[] body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body)) throw Bad("the CSV is not UTF-8 (save it as \"CSV UTF-8\")");
        using var reader = new StreamReader(new MemoryStream(body), new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MaxFieldSize = 4096 });
        var rows = new List<List<string>>();
        try
        {
            while (csv.Read())
            {
                if (rows.Count > MaxRows + 1) throw Bad($"at most {MaxRows} results an upload");
                if (csv.Count > 64) throw Bad($"row {csv.Row} has {csv.Count} columns; at most 64");
                rows.Add(csv.Record?.ToList() ?? []);
            }
        }
        catch (CsvHelperException ex)
        {
            throw Bad($"the CSV cannot be read: {ex.Message.Split('\n')[0]}");
        }
        return rows;
    }

    private static List<List<string>> Xlsx(byte[] body)
    {
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > 200 || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
                    throw Bad("the workbook unpacks to more than 40 MB or 200 parts");
            }
            using var workbook = new XLWorkbook(new MemoryStream(body));
            var sheet = workbook.Worksheets.First();
            var used = sheet.RangeUsed();
            if (used is null) return [];
            if (used.RowCount() > MaxRows + 1) throw Bad($"at most {MaxRows} results an upload");
            if (used.ColumnCount() > 64) throw Bad("at most 64 columns");
            var rows = new List<List<string>>();
            for (var r = 1; r <= used.LastRow().RowNumber(); r++)
            {
                var cells = new List<string>();
                for (var c = 1; c <= used.LastColumn().ColumnNumber(); c++) cells.Add(CellText(sheet.Cell(r, c)));
                rows.Add(cells);
            }
            return rows;
        }
        catch (TraceError)
        {
            throw;
        }
        // Whatever a malformed workbook makes the OpenXML SDK or ClosedXML throw, it is the upload's fault, not the server's.
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            throw Bad("the body is not a readable XLSX workbook");
        }
    }

    private static string CellText(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime() is var t && t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };

    private static TraceError Bad(string detail) => TraceError.Invalid("invalid-upload", "$", detail);
}
