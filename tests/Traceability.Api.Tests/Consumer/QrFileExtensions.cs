using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Consumer;

/// <summary>
/// The QR route by the Digital Link rules: the extension is part of the route and is read as sent, a percent-encoded
/// dot is part of the lot. Paths that spell the extension with escapes name no image: 404 problems, never a 500.
/// </summary>
public sealed class QrFileExtensions(KestrelApiFixture api) : IClassFixture<KestrelApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("A%2Esvg")]   // the lot "A.svg", no extension
    [InlineData("A%2esvg")]
    [InlineData("A.sv%67")]   // ".sv%67" is no extension this API knows
    [InlineData("A%2epng")]
    [InlineData("A%2Epng")]
    [InlineData("A.%70ng")]
    [InlineData("A%2E")]
    [InlineData("A")]
    [InlineData("A.gif")]
    [InlineData("A.svg%2F")]
    public async Task AnExtensionSpelledWithEscapesIsNotFound(string lotFile)
    {
        foreach (var method in new[] { "GET", "HEAD" })
        {
            var response = await RawHttp.SendAsync(api.Http.BaseAddress!, method, $"/qr/01/06901234100037/10/{lotFile}", cancellationToken: Ct);

            Assert.Equal(404, response.Status);
            Assert.Equal("application/problem+json", response.ContentType);
            if (method == "GET")
                Assert.Equal("/problems/not-found", JsonNode.Parse(response.Body)!["type"]!.GetValue<string>());
            else
                Assert.Empty(response.Body);
        }
    }

    [Theory]
    [InlineData("A%2E.svg", "A.")]         // an encoded dot before the extension belongs to the lot
    [InlineData("v1%2E2.png", "v1.2")]
    [InlineData("A.SVG", "A")]             // the extension's case does not matter
    public async Task AnEncodedDotBeforeTheExtensionStaysInTheLot(string lotFile, string lot)
    {
        var raw = await RawHttp.SendAsync(api.Http.BaseAddress!, "HEAD", $"/qr/01/06901234100037/10/{lotFile}", "*/*", Ct);
        Assert.Equal(200, raw.Status);

        // The same image as the lot spelt with a plain dot gives, and that one holds the lot.
        var extension = lotFile[lotFile.LastIndexOf('.')..].ToLowerInvariant();
        var plain = await api.Http.GetAsync($"/qr/01/06901234100037/10/{lot}{extension}", Ct);
        Assert.Equal(plain.Headers.ETag!.Tag, raw.Headers["etag"]);
        var png = await api.Http.GetByteArrayAsync($"/qr/01/06901234100037/10/{lot}.png", Ct);
        Assert.Equal($"https://trace.example.com/01/06901234100037/10/{lot}", await Zbar.DecodeAsync(png, Ct));
    }

    [Theory]
    [InlineData("/qr/01/06901234100037/10/x/../A.svg")]
    [InlineData("/qr/01/06901234100037/10/../10/A.svg")]
    [InlineData("/qr/01/06901234100037/10/x/..")]
    [InlineData("/qr/01/06901234100037/10/%.svg")]
    [InlineData("/qr/01/06901234100037/10/%2.png")]
    [InlineData("/qr/01/06901234100037/10/.svg")]
    [InlineData("/qr/01/06901234100037/10/A%0A.svg")]
    [InlineData("/qr/01/06901234100037/10/%C3.svg")]
    public async Task OddPathsAreClientErrors(string path)
    {
        var response = await RawHttp.SendAsync(api.Http.BaseAddress!, "GET", path, cancellationToken: Ct);
        Assert.InRange(response.Status, 400, 499);
        Assert.Equal("application/problem+json", response.ContentType);
    }
}
