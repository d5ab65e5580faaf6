using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Traceability.Api.Exports;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Testing;

namespace Traceability.Api.Tests.Exports;

public sealed class Fsma204Spreadsheet(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<List<string>>> CsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return CsvParser.Parse(Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task ARegulatorGetsOneRowPerLotAndEventSortedByLotCode()
    {
        var farm = await api.CreateOrgAsync("producer", gln: "6901234000900");
        var shop = await api.CreateOrgAsync("retailer", gln: "6901234000917");
        foreach (var lot in new[] { "FSMA-C", "FSMA-A", "FSMA-B" })
        {
            Assert.Equal(HttpStatusCode.Created, (await farm.Client.PostEvent(Epcis.Commission(lot))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await farm.Client.PostEvent(Epcis.Ship(lot, shop.Gln))).StatusCode);
        }
        var regulator = await api.SharedOrgAsync("regulator");

        var rows = await CsvAsync(await regulator.Client.GetAsync($"/exports/fsma204?from=2026-11-19&to=2026-11-21&gtin={Epcis.Gtin}", Ct));

        Assert.Equal("Traceability Lot Code", rows[0][0]);
        var lotCodes = rows.Skip(1).Select(r => r[0]).Where(c => c.Contains("FSMA-")).ToList();
        Assert.Equal(6, lotCodes.Count);
        Assert.Equal(lotCodes.Order(StringComparer.Ordinal), lotCodes);
        Assert.Contains($"(01){Epcis.Gtin}(10)FSMA-A", lotCodes);
        var cte = rows[0].IndexOf("Critical Tracking Event");
        var events = rows.Skip(1).Where(r => r[0].EndsWith("FSMA-B", StringComparison.Ordinal)).Select(r => r[cte]).ToList();
        Assert.Contains("Shipping", events);
        Assert.Contains("Harvesting", events);
    }

    [Fact]
    public async Task CellsASpreadsheetWouldRunAsFormulasAreTextInBothFormats()
    {
        var farm = await api.CreateOrgAsync("producer", gln: "6901234000924");
        var shipment = Epcis.Ship("FSMA-FORMULA");
        shipment["eventTime"] = "2026-10-01T10:00:00.000+08:00";
        shipment["bizTransactionList"] = new JsonArray(new JsonObject { ["type"] = "po", ["bizTransaction"] = "urn:epcglobal:cbv:bt:6901234000924:=1+2" });
        Assert.Equal(HttpStatusCode.Created, (await farm.Client.PostEvent(shipment)).StatusCode);
        var regulator = await api.SharedOrgAsync("regulator");
        const string Query = "/exports/fsma204?from=2026-10-01&to=2026-10-01";

        var csv = await CsvAsync(await regulator.Client.GetAsync(Query, Ct));
        var xlsxResponse = await regulator.Client.GetAsync(Query + "&format=xlsx", Ct);

        var number = csv[0].IndexOf("Reference Document Number");
        var row = Assert.Single(csv.Skip(1));
        Assert.Equal("'=1+2", row[number]);
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync(Ct)));
        var cell = workbook.Worksheet(Fsma204Workbook.RowsSheet).Cell(2, number + 1);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal("'=1+2", cell.GetString());
    }

    [Fact]
    public async Task OnlyRegulatorsExport()
    {
        var farm = await api.SharedOrgAsync("producer");

        Assert.Equal(HttpStatusCode.Forbidden, (await farm.Client.GetAsync("/exports/fsma204", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await farm.Client.GetAsync("/exports/fsma204?format=xlsx", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("from=2026-11-21&to=2026-11-20")]
    [InlineData("gtin=123")]
    public async Task BadParametersAreAProblem(string query)
    {
        var regulator = await api.SharedOrgAsync("regulator");

        var response = await regulator.Client.GetAsync($"/exports/fsma204?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
