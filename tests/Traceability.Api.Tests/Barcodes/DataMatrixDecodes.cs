using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Traceability.Api.Barcodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Consumer;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Tests.Barcodes;

/// <summary>
/// The GS1 DataMatrix of a lot holds its element string with FNC1 first (]d2), as dmtxread (libdmtx) reads it, with
/// the dates the lot's creating event recorded.
/// </summary>
public sealed class DataMatrixDecodes(KestrelApiFixture api) : IClassFixture<KestrelApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("6901234100037", "LSF-20261112", "06901234100037", "LSF-20261112")]
    [InlineData("96385074", "A%2FB", "00000096385074", "A/B")]
    [InlineData("6901234100037", "50%25", "06901234100037", "50%")]
    [InlineData("6901234100037", "x%26y%3Dz%3F", "06901234100037", "x&y=z?")]
    [InlineData("6901234100037", "v1.2.png", "06901234100037", "v1.2.png")]
    public async Task PngIsAGs1DataMatrixOfGtinAndLot(string gtin, string lotInPath, string gtin14, string lot)
    {
        var png = await api.Http.GetImageAsync($"/barcodes/datamatrix/01/{gtin}/10/{lotInPath}.png", "image/png", Ct);
        var read = await IndependentDecoders.DmtxreadAsync(png, Ct);
        Assert.Equal("]d2", read.SymbologyIdentifier);
        Assert.Equal($"01{gtin14}10{lot}", read.Data);
    }

    [Fact]
    public async Task DatesTheLotsCreatingEventRecordedAreInTheSymbolAndOnTheLabel()
    {
        var producer = await api.SharedOrgAsync("producer");
        var commission = Epcis.Commission("DM-DATES-1");
        commission["ilmd"] = new JsonObject { ["cbvmda:bestBeforeDate"] = "2027-05-12", ["cbvmda:itemExpirationDate"] = "2027-06-01" };
        var captured = await producer.Client.PostEvent(commission);
        Assert.True(captured.IsSuccessStatusCode, await captured.Content.ReadAsStringAsync(Ct));

        var png = await api.Http.GetImageAsync($"/barcodes/datamatrix/01/{Epcis.Gtin}/10/DM-DATES-1.png", "image/png", Ct);
        var read = await IndependentDecoders.DmtxreadAsync(png, Ct);
        Assert.Equal("]d2", read.SymbologyIdentifier);
        Assert.Equal($"01{Epcis.Gtin}" + "15270512" + "17270601" + "10DM-DATES-1", read.Data);

        var english = await api.Http.GetStringAsync($"/labels/01/{Epcis.Gtin}/10/DM-DATES-1?lang=en", Ct);
        var chinese = await api.Http.GetStringAsync($"/labels/01/{Epcis.Gtin}/10/DM-DATES-1?lang=zh-CN", Ct);
        Assert.Contains($"<p class=\"hri\">(01) {Epcis.Gtin} (15) 270512 (17) 270601 (10) DM-DATES-1</p>", english);
        Assert.Contains("<dt>Best before</dt><dd>2027-05-12</dd><dt>Use by</dt><dd>2027-06-01</dd>", english);
        Assert.Contains("<dt>保质期至</dt><dd>2027-05-12</dd><dt>有效期至</dt><dd>2027-06-01</dd>", chinese);
    }

    [Fact]
    public async Task ALotWithNoRecordedDatesCarriesGtinAndLotOnly()
    {
        var producer = await api.SharedOrgAsync("producer");
        Assert.True((await producer.Client.PostEvent(Epcis.Commission("DM-NODATE-1"))).IsSuccessStatusCode);
        var png = await api.Http.GetImageAsync($"/barcodes/datamatrix/01/{Epcis.Gtin}/10/DM-NODATE-1.png", "image/png", Ct);
        Assert.Equal($"01{Epcis.Gtin}10DM-NODATE-1", (await IndependentDecoders.DmtxreadAsync(png, Ct)).Data);
    }

    [Fact]
    public async Task TheLabelPageShowsTheSameDataMatrixInline()
    {
        var svg = await api.Http.GetStringAsync("/barcodes/datamatrix/01/6901234100037/10/LSF-20261112.svg", Ct);
        var html = await api.Http.GetStringAsync("/labels/01/6901234100037/10/LSF-20261112", Ct);
        Assert.Contains($"<figure class=\"dm\" aria-label=\"GS1 DataMatrix\"><svg", html);
        Assert.Contains($"d=\"{BarcodeHttp.PathData(svg)}\"", html);
        Assert.Contains("href=\"/barcodes/datamatrix/01/06901234100037/10/LSF-20261112.png\"", html);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(333)]
    [InlineData(2048)]
    public async Task PngIsExactlyTheRequestedSizeAndStillDecodes(int size)
    {
        var png = await api.Http.GetImageAsync($"/barcodes/datamatrix/01/6901234100037/10/LSF-1.png?size={size}", "image/png", Ct);
        Assert.Equal((size, size), Zbar.PngSize(png));
        Assert.Equal("0106901234100037" + "10LSF-1", (await IndependentDecoders.DmtxreadAsync(png, Ct)).Data);
    }

    [Fact]
    public async Task SvgIsWellFormedXmlOfTheRequestedSize()
    {
        var response = await api.Http.GetAsync("/barcodes/datamatrix/01/6901234100037/10/A%2FB.svg?size=300", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!;
        Assert.Equal("300", svg.Attribute("width")!.Value);
        Assert.Equal("300", svg.Attribute("height")!.Value);
        Assert.NotEmpty(svg.Element(XName.Get("path", "http://www.w3.org/2000/svg"))!.Attribute("d")!.Value);
    }

    [Fact]
    public async Task ImagesAreRevalidatedBecauseDatesCanStillBeRecorded()
    {
        var response = await api.Http.GetAsync("/barcodes/datamatrix/01/6901234100037/10/LSF-1.png", Ct);
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.NotNull(response.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/barcodes/datamatrix/01/6901234100037/10/LSF-1.png");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await api.Http.SendAsync(again, Ct)).StatusCode);
    }

    [Fact]
    public async Task AVariableLengthElementBeforeAnotherIsEndedByFnc1()
    {
        var today = new DateOnly(2026, 11, 20);
        var elements = Gs1ElementString.Of([new("01", "06901234100037"), new("10", "L/1"), new("17", "271112"), new("21", "S9"), new("37", "12")], today);
        var png = Gs1Symbols.DataMatrix(elements).ToPng(400, 400)!;
        var read = await IndependentDecoders.DmtxreadAsync(png, Ct);
        Assert.Equal("]d2", read.SymbologyIdentifier);
        Assert.Equal("0106901234100037" + "10L/1\u001d" + "17271112" + "21S9\u001d" + "3712", read.Data);
    }
}
