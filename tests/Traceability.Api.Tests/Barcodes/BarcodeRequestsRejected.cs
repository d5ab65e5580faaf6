using System.Net;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Barcodes;

/// <summary>Keys that break GS1's rules, and sizes out of range, get a problem+json 400, never a symbol or a 500.</summary>
public sealed class BarcodeRequestsRejected(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("106141411234567898")]  // check digit should be 7
    [InlineData("10614141123456789")]   // 17 digits
    [InlineData("1061414112345678970")] // 19 digits
    [InlineData("10614141123456789A")]
    [InlineData("%EF%BC%91%EF%BC%90614141123456789")] // full-width digits are not digits here
    public async Task AnSsccThatIsNotEighteenDigitsWithItsCheckDigitIsRejected(string sscc)
    {
        foreach (var path in new[] { $"/barcodes/gs1-128/00/{sscc}.png", $"/barcodes/gs1-128/00/{sscc}.svg", $"/labels/00/{sscc}" })
        {
            var problem = await (await api.Anonymous.GetAsync(path, Ct)).ProblemAsync(HttpStatusCode.BadRequest, "invalid-sscc", Ct);
            Assert.Equal("sscc", problem["errors"]![0]!["path"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("6901234100038", "LSF-1", "invalid-gtin")]
    [InlineData("690123410003", "LSF-1", "invalid-gtin")]
    [InlineData("6901234100037", "Lot%201", "invalid-lot")]              // a space is not in set 82
    [InlineData("6901234100037", "%E6%89%B9%E6%AC%A1-1", "invalid-lot")] // 批次-1
    [InlineData("6901234100037", "ABCDEFGHIJKLMNOPQRSTU", "invalid-lot")] // 21 characters
    [InlineData("6901234100037", "A/B", "invalid-lot")]
    public async Task ADataMatrixForABadGtinOrLotIsRejected(string gtin, string lot, string code) =>
        await (await api.Anonymous.GetAsync($"/barcodes/datamatrix/01/{gtin}/10/{lot}.png", Ct)).ProblemAsync(HttpStatusCode.BadRequest, code, Ct);

    [Theory]
    [InlineData("/barcodes/datamatrix/01/6901234100037/10/LSF-1.png?size=63")]
    [InlineData("/barcodes/datamatrix/01/6901234100037/10/LSF-1.svg?size=2049")]
    [InlineData("/barcodes/datamatrix/01/6901234100037/10/LSF-1.png?size=12px")]
    [InlineData("/barcodes/gs1-128/00/106141411234567897.png?size=")]
    [InlineData("/barcodes/gs1-128/00/106141411234567897.png?size=175")] // the symbol is 176 modules wide
    public async Task ASizeOutOfRangeOrTooSmallForTheSymbolIsRejected(string path)
    {
        var problem = await (await api.Anonymous.GetAsync(path, Ct)).ProblemAsync(HttpStatusCode.BadRequest, "invalid-query", Ct);
        Assert.Equal("size", problem["errors"]![0]!["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/barcodes/datamatrix/01/6901234100037/10/LSF-1.gif")]
    [InlineData("/barcodes/datamatrix/01/6901234100037/10/LSF-1")]
    [InlineData("/barcodes/gs1-128/00/106141411234567897")]
    [InlineData("/barcodes/gs1-128/00/106141411234567897.jpg")]
    public async Task OtherImageFormatsAreNotFound(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous.GetAsync(path, Ct)).StatusCode);
}
