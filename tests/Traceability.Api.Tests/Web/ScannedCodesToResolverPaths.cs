using System.Text.Json.Nodes;

namespace Traceability.Api.Tests.Web;

/// <summary>
/// scanlink.js parseScan, which the scanner page runs on every decoded code: GS1 Digital Links on any host and GS1
/// element strings in every form barcode readers return lead to /01/{gtin14}/10/{lot}; anything else is explained.
/// </summary>
public sealed class ScannedCodesToResolverPaths
{
    private const string Lot = "/01/06901234100037/10/LSF-20261112";

    private static async Task<JsonNode> ParseAsync(string scanned) =>
        (await JsModules.RunAsync("scan", new JsonArray(scanned), TestContext.Current.CancellationToken)).AsArray()[0]!;

    [Theory]
    [InlineData("http://127.0.0.1/01/06901234100037/10/LSF-20261112")]
    [InlineData("https://id.gs1.org/01/06901234100037/10/LSF-20261112")]
    [InlineData("HTTPS://brand.example.com/products/01/06901234100037/10/LSF-20261112?linkType=gs1:pip#top")]
    [InlineData("https://brand.example.com/01/06901234100037/22/2A/10/LSF-20261112/21/0042")]
    [InlineData("https://example.com/gtin/06901234100037/lot/LSF-20261112")]
    [InlineData("https://example.com/01/6901234100037/10/LSF-20261112")]
    [InlineData("/01/06901234100037/10/LSF-20261112")]
    [InlineData("  https://id.gs1.org/01/06901234100037/10/LSF-20261112/ \n")]
    public async Task ADigitalLinkOnAnyHostOpensTheSameOriginLotPage(string scanned)
    {
        var result = await ParseAsync(scanned);

        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(Lot, result["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("(01)06901234100037(10)LSF-20261112")]
    [InlineData("(01)06901234100037(17)271231(10)LSF-20261112")]
    [InlineData("010690123410003710LSF-20261112")]
    [InlineData("]d2010690123410003710LSF-20261112")]
    [InlineData("]C1010690123410003717271231\u001d10LSF-20261112")]
    [InlineData("]Q3\u001d010690123410003710LSF-20261112\u001d21ABC")]
    [InlineData("\u001d010690123410003710LSF-20261112\u001d")]
    [InlineData("01069012341000371126111210LSF-20261112")]
    public async Task AGs1ElementStringOpensTheLotPage(string scanned)
    {
        var result = await ParseAsync(scanned);

        Assert.True(result["ok"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(Lot, result["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task LotsWithReservedCharactersArePercentEncoded()
    {
        var result = await ParseAsync("(01)09506000134352(10)A/1 %");

        Assert.False(result["ok"]!.GetValue<bool>()); // a space is not in GS1 character set 82

        var slash = await ParseAsync("https://id.gs1.org/01/09506000134352/10/A%2F1%25");
        Assert.True(slash["ok"]!.GetValue<bool>(), slash.ToJsonString());
        Assert.Equal("/01/09506000134352/10/A%2F1%25", slash["path"]!.GetValue<string>());
        Assert.Equal("A/1%", slash["lot"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("6901234100037", "no-lot")]
    [InlineData("https://id.gs1.org/01/06901234100037", "no-lot")]
    [InlineData("(01)06901234100037", "no-lot")]
    [InlineData("https://id.gs1.org/01/06901234100038/10/LSF-20261112", "bad-gtin")]
    [InlineData("(01)06901234100038(10)A1", "bad-gtin")]
    [InlineData("6901234100038", "bad-gtin")]
    [InlineData("https://id.gs1.org/01/06901234100037/10/ABCDEFGHIJKLMNOPQRSTU", "bad-lot")]
    [InlineData("https://example.com/some/page", "not-gs1")]
    [InlineData("WIFI:S:cafe;T:WPA;P:secret;;", "not-gs1")]
    [InlineData("hello", "not-gs1")]
    [InlineData("https://id.gs1.org/00/106141412345678908", "not-gs1")]
    [InlineData("   ", "empty")]
    public async Task AnythingElseIsExplained(string scanned, string code)
    {
        var result = await ParseAsync(scanned);

        Assert.False(result["ok"]!.GetValue<bool>());
        Assert.Equal(code, result["code"]!.GetValue<string>());
    }
}
