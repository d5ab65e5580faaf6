using System.Globalization;
using ClosedXML.Excel;
using Traceability.Domain.Fsma;

namespace Traceability.Api.Exports;

/// <summary>
/// The FSMA 204 sortable spreadsheet as an Excel workbook (ClosedXML): sheet "FSMA 204" holds the same rows and
/// cell texts as the CSV, formula guard included, with a header row that stays in view and filters on every
/// column; dates are date cells and single quantities numbers, so they sort and sum. Sheet "Columns" says what each
/// column holds and what was asked for, the "other information needed to understand" the spreadsheet (§1.1455).
/// </summary>
public static class Fsma204Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string RowsSheet = "FSMA 204";
    public const string ColumnsSheet = "Columns";

    /// <summary>
    /// ClosedXML keeps every cell in memory: 10,000 rows of 20 columns peaked at about 280 MB (50,000 at 1 GB), so
    /// larger exports are asked for as CSV, which has no such limit.
    /// </summary>
    public const int MaxRows = 10_000;

    private static readonly int DateColumn = Column("Date");
    private static readonly int QuantityColumn = Column("Quantity");

    public static byte[] Write(IEnumerable<Fsma204Row> rows, IReadOnlyList<(string Name, string Value)> request)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(request);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(RowsSheet);
        var header = Fsma204Columns.Header;
        for (var c = 0; c < header.Count; c++)
            Text(sheet.Cell(1, c + 1), header[c]);
        sheet.Row(1).Style.Font.Bold = true;

        var r = 2;
        foreach (var row in rows.Order(Fsma204Row.Order))
        {
            var cells = Fsma204Columns.Cells(row);
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = sheet.Cell(r, c + 1);
                if (c == DateColumn)
                {
                    cell.SetValue(row.EventTime.Date);
                    cell.Style.NumberFormat.Format = "yyyy-mm-dd";
                }
                else if (c == QuantityColumn && decimal.TryParse(cells[c], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity))
                {
                    cell.SetValue(quantity);
                }
                else
                {
                    Text(cell, cells[c]);
                }
            }
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(1, r - 1), header.Count).SetAutoFilter();
        for (var c = 0; c < header.Count; c++)
            sheet.Column(c + 1).Width = Fsma204Columns.All[c].Name switch
            {
                "Quantity" or "Date" or "Unit of Measure" or "Transformation Role" => 14,
                "Event ID" or "Product Description" or "Location" or "Ship-From Location" or "Ship-To Location" or "Traceability Lot Code Source" => 48,
                _ => 28,
            };

        var about = workbook.Worksheets.Add(ColumnsSheet);
        Text(about.Cell(1, 1), "Column");
        Text(about.Cell(1, 2), "What it holds");
        about.Row(1).Style.Font.Bold = true;
        var line = 2;
        foreach (var column in Fsma204Columns.All)
        {
            Text(about.Cell(line, 1), column.Name);
            Text(about.Cell(line, 2), column.Meaning);
            line++;
        }
        line++;
        foreach (var (name, value) in request)
        {
            Text(about.Cell(line, 1), name);
            Text(about.Cell(line, 2), value);
            line++;
        }
        about.Column(1).Width = 36;
        about.Column(2).Width = 120;

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A text cell, guarded against formula injection exactly as the CSV is.</summary>
    private static void Text(IXLCell cell, string value)
    {
        cell.SetValue(Fsma204Columns.Guarded(value));
        cell.DataType = XLDataType.Text;
    }

    private static int Column(string name) =>
        Fsma204Columns.Header.Select((n, i) => (n, i)).Single(c => c.n == name).i;
}
