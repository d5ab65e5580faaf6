using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using Traceability.Api.Exports;
using Traceability.Domain.Fsma;

namespace Traceability.Api.Tests.Exports;

/// <summary>?format=xlsx gives the same rows and cells as the CSV, read back with ClosedXML.</summary>
[Collection(DemoExportCollection.Name)]
public sealed class WorkbookMatchesCsv(DemoExportFixture demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<XLWorkbook> WorkbookAsync(string query)
    {
        using var response = await demo.Regulator.GetAsync($"/exports/fsma204{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Fsma204Workbook.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
    }

    /// <summary>A cell as the CSV writes it: dates as yyyy-MM-dd, numbers in invariant culture, text as it is.</summary>
    private static string Text(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.Number => ((decimal)cell.GetDouble()).ToString(CultureInfo.InvariantCulture),
        _ => cell.GetString(),
    };

    [Theory]
    [InlineData("")]
    [InlineData("?gtin=06901234100037&lot=LSF-20261113")]
    public async Task EveryCellEqualsTheCsv(string query)
    {
        var csv = await demo.CsvAsync(query, Ct);
        using var workbook = await WorkbookAsync(query + (query.Length == 0 ? "?" : "&") + "format=xlsx");

        var sheet = workbook.Worksheet(Fsma204Workbook.RowsSheet);
        var used = sheet.RangeUsed()!;
        Assert.Equal(csv.Count, used.RowCount());
        Assert.Equal(csv[0].Count, used.ColumnCount());
        for (var r = 0; r < csv.Count; r++)
            for (var c = 0; c < csv[r].Count; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                Assert.False(cell.HasFormula);
                Assert.True(csv[r][c] == Text(cell), $"row {r + 1}, column {csv[0][c]}: CSV {csv[r][c]}, XLSX {Text(cell)}");
            }
    }

    [Fact]
    public async Task DatesAreDateCellsAndQuantitiesNumbersSoTheySortAndSum()
    {
        using var workbook = await WorkbookAsync("?format=xlsx");
        var sheet = workbook.Worksheet(Fsma204Workbook.RowsSheet);
        var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        var dates = sheet.Column(header.IndexOf("Date") + 1).CellsUsed().Skip(1).ToList();
        var quantities = sheet.Column(header.IndexOf("Quantity") + 1).CellsUsed().Skip(1).ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.Equal(XLDataType.DateTime, d.DataType));
        Assert.All(quantities, q => Assert.Equal(XLDataType.Number, q.DataType));
        Assert.Equal(1, sheet.SheetView.SplitRow); // the header stays in view
        Assert.True(sheet.AutoFilter.IsEnabled);
    }

    [Fact]
    public async Task TheColumnsSheetSaysWhatEachColumnHoldsAndWhatWasAsked()
    {
        using var workbook = await WorkbookAsync("?gtin=06901234100037&lot=LSF-20261113&format=xlsx");
        var about = workbook.Worksheet(Fsma204Workbook.ColumnsSheet);
        var lines = about.RowsUsed().Select(r => (r.Cell(1).GetString(), r.Cell(2).GetString())).ToList();

        foreach (var column in Fsma204Columns.All)
            Assert.Contains((column.Name, column.Meaning), lines);
        Assert.Contains(lines, l => l.Item1 == "Lot" && l.Item2.StartsWith("LSF-20261113", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Item1 == "GTIN" && l.Item2 == "06901234100037");
    }
}
