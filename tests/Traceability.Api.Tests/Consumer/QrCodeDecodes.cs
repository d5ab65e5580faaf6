using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Consumer;

/// <summary>The QR codes hold exactly the lot's Digital Link URI, as an independent decoder (zbarimg) reads it.</summary>
public sealed class QrCodeDecodes(KestrelApiFixture api) : IClassFixture<KestrelApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("96385074", "00000096385074")]
    [InlineData("036000291452", "00036000291452")]
    [InlineData("6901234100037", "06901234100037")]
    [InlineData("10614141000415", "10614141000415")]
    public async Task PngHoldsTheUriWithTheGtinInFourteenDigits(string gtin, string gtin14)
    {
        var png = await GetBytesAsync($"/qr/01/{gtin}/10/LSF-20261112.png");
        Assert.Equal($"https://trace.example.com/01/{gtin14}/10/LSF-20261112", await Zbar.DecodeAsync(png, Ct));
    }

    [Theory]
    [InlineData("A%2FB", "A%2FB")]               // lot A/B
    [InlineData("50%25", "50%25")]               // lot 50%
    [InlineData("x%26y%3Dz%3F", "x%26y=z%3F")]   // lot x&y=z?: '=' stays as it is (DigitalLinkEncoding)
    [InlineData("(1)%2B*%2C'", "%281%29%2B%2A%2C'")] // sent with sub-delims left bare, printed encoded but for '\''
    [InlineData("a%27b%3Bc", "a'b;c")]           // lot a'b;c: ' and ; stay as they are
    [InlineData("A%252F", "A%252F")]             // lot A%2F, not A/
    [InlineData("v1.2.svg", "v1.2.svg")]         // dots, and an extension inside the lot
    public async Task PngHoldsTheLotPercentEncodedAsDigitalLinkAsks(string lotInPath, string lotInUri)
    {
        var png = await GetBytesAsync($"/qr/01/6901234100037/10/{lotInPath}.png");
        Assert.Equal($"https://trace.example.com/01/06901234100037/10/{lotInUri}", await Zbar.DecodeAsync(png, Ct));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(333)]
    [InlineData(2048)]
    public async Task PngIsExactlyTheRequestedSizeAndStillDecodes(int size)
    {
        var png = await GetBytesAsync($"/qr/01/6901234100037/10/LSF-1.png?size={size}");
        Assert.Equal((size, size), Zbar.PngSize(png));
        Assert.Equal("https://trace.example.com/01/06901234100037/10/LSF-1", await Zbar.DecodeAsync(png, Ct));
    }

    [Fact]
    public async Task PngIsFiveHundredTwelvePixelsByDefault()
    {
        var png = await GetBytesAsync("/qr/01/6901234100037/10/LSF-1.png");
        Assert.Equal((512, 512), Zbar.PngSize(png));
    }

    [Fact]
    public async Task SvgIsWellFormedXmlWithAnSvgRootOfTheRequestedSize()
    {
        var response = await api.Http.GetAsync("/qr/01/6901234100037/10/A%2FB.svg?size=300", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);

        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!;
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Name);
        Assert.Equal("300", svg.Attribute("width")!.Value);
        Assert.Equal("300", svg.Attribute("height")!.Value);
        Assert.NotEmpty(svg.Element(XName.Get("path", "http://www.w3.org/2000/svg"))!.Attribute("d")!.Value);
    }

    [Fact]
    public async Task WithoutAPublicBaseUrlTheCodeNamesTheHostTheRequestCameTo()
    {
        await using var factory = api.Factory.WithWebHostBuilder(b => b.UseSetting("Trace:PublicBaseUrl", ""));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://labels.test:8080") });
        var png = await client.GetByteArrayAsync("/qr/01/6901234100037/10/LSF-1.png", Ct);
        Assert.Equal("http://labels.test:8080/01/06901234100037/10/LSF-1", await Zbar.DecodeAsync(png, Ct));
    }

    private async Task<byte[]> GetBytesAsync(string path)
    {
        var response = await api.Http.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }
}
