using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Consumer;

/// <summary>Keys that are not a valid GTIN and lot, and sizes out of range, get a problem+json 400, not a QR code.</summary>
public sealed class QrCodeRejects(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("6901234100038")] // check digit should be 7
    [InlineData("96385075")]
    [InlineData("690123410003")]  // 12 digits, but not a GTIN-12
    [InlineData("69012341000A7")]
    public async Task GtinWithABadCheckDigitOrShapeIsRejected(string gtin)
    {
        var problem = await ProblemAsync($"/qr/01/{gtin}/10/LSF-1.png", "invalid-gtin");
        Assert.Contains(gtin, problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Lot%201")]                   // a space is not in GS1 character set 82
    [InlineData("%E6%89%B9%E6%AC%A1-1")]      // 批次-1: set 82 is ASCII only
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]     // 21 characters, at most 20
    [InlineData("A/B")]                       // a slash must be sent as %2F
    public async Task LotOutsideTheGs1RulesIsRejected(string lot)
    {
        await ProblemAsync($"/qr/01/6901234100037/10/{lot}.svg", "invalid-lot");
    }

    [Theory]
    [InlineData("63")]
    [InlineData("2049")]
    [InlineData("0")]
    [InlineData("-512")]
    [InlineData("512px")]
    [InlineData("")]
    public async Task SizeOutsideSixtyFourToTwoThousandFortyEightPixelsIsRejected(string size)
    {
        var problem = await ProblemAsync($"/qr/01/6901234100037/10/LSF-1.png?size={size}", "invalid-query");
        Assert.Equal("size", problem["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/qr/01/6901234100037/10/LSF-1.gif")]
    [InlineData("/qr/01/6901234100037/10/LSF-1")]
    public async Task OtherImageFormatsAreNotFound(string path)
    {
        var response = await api.Anonymous.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonObject> ProblemAsync(string path, string code)
    {
        var response = await api.Anonymous.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal($"/problems/{code}", problem["type"]!.GetValue<string>());
        return problem;
    }
}
