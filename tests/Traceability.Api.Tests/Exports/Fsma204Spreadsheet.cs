using System.Net;
using System.Text;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Exports;

public sealed class Fsma204Spreadsheet(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string[]> Parse(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',')).ToList();

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

        var response = await regulator.Client.GetAsync($"/exports/fsma204?from=2026-11-19&to=2026-11-21&gtin={Epcis.Gtin}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("Traceability Lot Code", rows[0][0]);
        var lotCodes = rows.Skip(1).Select(r => r[0]).Where(c => c.Contains("FSMA-")).ToList();
        Assert.Equal(6, lotCodes.Count);
        Assert.Equal(lotCodes.Order(StringComparer.Ordinal), lotCodes);
        Assert.Contains($"(01){Epcis.Gtin}(10)FSMA-A", lotCodes);
        var events = rows.Skip(1).Where(r => r[0].EndsWith("FSMA-B", StringComparison.Ordinal)).Select(r => r[5]).ToList();
        Assert.Contains("Shipping", events);
        Assert.Contains("Harvesting", events);
    }

    [Fact]
    public async Task OnlyRegulatorsExport()
    {
        var farm = await api.SharedOrgAsync("producer");

        Assert.Equal(HttpStatusCode.Forbidden, (await farm.Client.GetAsync("/exports/fsma204", Ct)).StatusCode);
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
