using System.Net;
using System.Xml.Linq;
using Traceability.Api.Barcodes;
using Traceability.Api.Tests.Consumer;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Domain.Gs1;

namespace Traceability.Api.Tests.Barcodes;

/// <summary>The GS1-128 of an SSCC starts with FNC1 (]C1) and holds (00) and the SSCC, as zbarimg reads it.</summary>
public sealed class Gs1_128Decodes(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("106141411234567897")]
    [InlineData("040123450000001112")]
    [InlineData("369012340000000017")]
    public async Task PngIsAGs1_128OfTheSscc(string sscc)
    {
        var png = await api.Anonymous.GetImageAsync($"/barcodes/gs1-128/00/{sscc}.png", "image/png", Ct);
        var read = await IndependentDecoders.ZbarCode128Async(png, Ct);
        Assert.Equal("]C1", read.SymbologyIdentifier);
        Assert.Equal($"00{sscc}", read.Data);
    }

    [Theory]
    [InlineData(null, 704, 256)]  // 176 modules at 4 pixels, 64 modules of bar height
    [InlineData("333", 333, 64)]  // 1 pixel a module, the rest added to the quiet zones
    [InlineData("2048", 2048, 704)]
    public async Task PngIsTheRequestedWidthWithBarsInProportion(string? size, int width, int height)
    {
        var png = await api.Anonymous.GetImageAsync($"/barcodes/gs1-128/00/106141411234567897.png{(size is null ? "" : $"?size={size}")}", "image/png", Ct);
        Assert.Equal((width, height), Zbar.PngSize(png));
        Assert.Equal("00106141411234567897", (await IndependentDecoders.ZbarCode128Async(png, Ct)).Data);
    }

    [Fact]
    public async Task SvgIsWellFormedXmlWithTheBarsInProportion()
    {
        var response = await api.Anonymous.GetAsync("/barcodes/gs1-128/00/106141411234567897.svg", Ct);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl!.MaxAge);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!;
        Assert.Equal("0 0 176 64", svg.Attribute("viewBox")!.Value);
        Assert.Equal("704", svg.Attribute("width")!.Value);
        Assert.Equal("256", svg.Attribute("height")!.Value);
    }

    [Fact]
    public async Task AVariableLengthElementBeforeAnotherIsEndedByFnc1()
    {
        var elements = Gs1ElementString.Of([new("02", "06901234100037"), new("10", "L1"), new("37", "40"), new("00", "106141411234567897")],
            new DateOnly(2026, 11, 20));
        var grid = Gs1Symbols.Gs1_128(elements);
        var read = await IndependentDecoders.ZbarCode128Async(grid.ToPng(grid.Width * 3, grid.Height * 3)!, Ct);
        Assert.Equal("]C1", read.SymbologyIdentifier);
        Assert.Equal("0206901234100037" + "10L1\u001d" + "3740\u001d" + "00106141411234567897", read.Data);
    }

    [Fact]
    public async Task ThePngsAreCachedForADayWithAnETag()
    {
        var response = await api.Anonymous.GetAsync("/barcodes/gs1-128/00/106141411234567897.png", Ct);
        Assert.True(response.Headers.CacheControl!.Public);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/barcodes/gs1-128/00/106141411234567897.png");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await api.Anonymous.SendAsync(again, Ct)).StatusCode);
    }
}
