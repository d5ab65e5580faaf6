using System.Net;

namespace Traceability.Api.Tests.Exports;

/// <summary>?gtin=&amp;lot= gives the critical tracking events of one lot and of every lot it is traced to, both ways.</summary>
[Collection(DemoExportCollection.Name)]
public sealed class OneLotTracedBothWays(DemoExportFixture demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Rice = "(01)06901234100013(10)R2026-11-A", Bamboo = "(01)06901234100020(10)B2026-11-07";
    private const string CleanNoodles = "(01)06901234100037(10)LSF-20261112", RecalledNoodles = "(01)06901234100037(10)LSF-20261113";
    private const string CleanCowpeas = "(01)06901234100044(10)V2026-11-08A", BadCowpeas = "(01)06901234100044(10)V2026-11-08B";

    private async Task<ExportTable> ExportAsync(string query) => new(await demo.CsvAsync(query, Ct));

    [Fact]
    public async Task ANoodleLotReachesItsIngredientsBackwardsAndItsShopsForwards()
    {
        var export = await ExportAsync("?gtin=06901234100037&lot=LSF-20261113");

        Assert.Equal([Rice, Bamboo, RecalledNoodles, BadCowpeas], export.Column("Traceability Lot Code").Distinct());
        var receipts = export.Rows.Where(r => export.Cell(r, "Critical Tracking Event") == "Receiving" && export.Cell(r, "Traceability Lot Code") == RecalledNoodles)
            .Select(r => export.Cell(r, "Location")).ToList();
        Assert.Contains(demo.Location("shop-yufeng"), receipts);
        Assert.Contains(demo.Location("shop-liunan"), receipts);
        Assert.DoesNotContain(demo.Location("shop-wuyi"), receipts);
    }

    [Fact]
    public async Task TheLotsRowsAreThoseOfTheWholeExport()
    {
        var whole = await ExportAsync("");
        var lot = await ExportAsync("?gtin=06901234100037&lot=LSF-20261113");

        foreach (var code in new[] { Rice, Bamboo, RecalledNoodles, BadCowpeas })
            Assert.Equal(whole.Rows.Where(r => whole.Cell(r, "Traceability Lot Code") == code), lot.Rows.Where(r => lot.Cell(r, "Traceability Lot Code") == code));
    }

    [Fact]
    public async Task TheFailedCowpeaLotLeadsToTheShopsThatSoldItsNoodles()
    {
        var export = await ExportAsync("?gtin=06901234100044&lot=V2026-11-08B");

        Assert.Equal([RecalledNoodles, BadCowpeas], export.Column("Traceability Lot Code").Distinct());
        Assert.DoesNotContain(CleanNoodles, export.Column("Traceability Lot Code"));
        Assert.DoesNotContain(CleanCowpeas, export.Column("Traceability Lot Code"));
        var shops = export.Rows.Where(r => export.Cell(r, "Critical Tracking Event") == "Shipping").Select(r => export.Cell(r, "Ship-To Location")).ToHashSet();
        Assert.Contains(demo.Location("shop-yufeng"), shops);
        Assert.Contains(demo.Location("shop-liunan"), shops);
    }

    [Fact]
    public async Task APeriodNarrowsTheLotsRows()
    {
        var export = await ExportAsync("?gtin=06901234100037&lot=LSF-20261113&from=2026-11-14T08:00:00%2B08:00&to=2026-11-15T00:00:00%2B08:00");

        Assert.Equal(
            [("Receiving", demo.Location("shop-yufeng")), ("Receiving", demo.Location("shop-liunan"))],
            export.Rows.Select(r => (export.Cell(r, "Critical Tracking Event"), export.Cell(r, "Location"))));
    }

    [Theory]
    [InlineData("?lot=LSF-20261113", HttpStatusCode.BadRequest)]
    [InlineData("?gtin=06901234100037&lot=", HttpStatusCode.BadRequest)]
    [InlineData("?gtin=06901234100037&lot=LSF-2026%0A", HttpStatusCode.BadRequest)]
    [InlineData("?gtin=06901234100037&lot=NEVER-MADE", HttpStatusCode.NotFound)]
    [InlineData("?format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("?format=XLSX", HttpStatusCode.BadRequest)]
    public async Task ABadOrUnknownLotOrFormatIsAProblem(string query, HttpStatusCode expected)
    {
        using var response = await demo.Regulator.GetAsync($"/exports/fsma204{query}", Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("?to=0001-01-01T00:00:00%2B00:00")]
    [InlineData("?from=9999-12-31&format=xlsx")]
    [InlineData("?from=0001-01-01&to=9999-12-31")]
    public async Task TheEndsOfTheCalendarAreAnsweredWithoutFailing(string query)
    {
        using var response = await demo.Regulator.GetAsync($"/exports/fsma204{query}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OnlyRegulatorsExportALot()
    {
        using var factory = demo.As(demo.Members["noodle-factory"]!["apiKey"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.GetAsync("/exports/fsma204?gtin=06901234100037&lot=LSF-20261113&format=xlsx", Ct)).StatusCode);
    }
}
