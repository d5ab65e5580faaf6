using System.Net;
using Traceability.Api.Tests.Consumer;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Site;

/// <summary>HEAD is answered wherever GET is (RFC 9110 §9.3.2): the same status and header fields, no body.</summary>
public sealed class HeadAnswersLikeGet(KestrelApiFixture api) : IClassFixture<KestrelApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Fields whose value is the moment, or how this one response is framed.
    private static readonly HashSet<string> Varying = new(StringComparer.OrdinalIgnoreCase) { "Date", "Transfer-Encoding", "Content-Length" };

    [Theory]
    [InlineData("/")]
    [InlineData("/?lang=zh-CN")]
    [InlineData("/scan")]
    [InlineData("/scan?lang=zh-CN")]
    [InlineData("/health/live")]
    [InlineData("/ledger")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/")]
    [InlineData("/css/provenance.css")]
    [InlineData("/js/gs1.js")]
    [InlineData("/qr/01/06901234100037/10/LSF-1.svg")]
    [InlineData("/qr/01/06901234100037/10/LSF-1.png?size=128")]
    [InlineData("/labels/01/06901234100037/10/LSF-1")]
    [InlineData("/01/06901234100037/10/NO-SUCH-LOT")]
    [InlineData("/products/06901234100037")]
    [InlineData("/no/such/page")]
    [InlineData("/events")]
    [InlineData("/capture")]
    [InlineData("/eventTypes")]
    public async Task HeadGetsWhatGetGetsButTheBody(string path)
    {
        using var get = await api.Http.GetAsync(path, Ct);
        var body = await get.Content.ReadAsByteArrayAsync(Ct);
        using var head = await api.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Ct);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(Fields(get), Fields(head));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        if (body.Length > 0)
            Assert.Equal(body.Length, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task HeadIsNotAllowedWhereGetIsNot()
    {
        var response = await RawHttp.SendAsync(api.Http.BaseAddress!, "HEAD", "/barcodes/decode", cancellationToken: Ct);

        Assert.Equal(405, response.Status);
        Assert.Equal(["POST"], response.Headers["allow"].Split(',').Select(m => m.Trim()).Order());
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task AConditionalHeadGetsNotModified()
    {
        using var get = await api.Http.GetAsync("/qr/01/06901234100037/10/LSF-1.svg", Ct);
        var request = new HttpRequestMessage(HttpMethod.Head, "/qr/01/06901234100037/10/LSF-1.svg");
        request.Headers.IfNoneMatch.Add(get.Headers.ETag!);

        using var head = await api.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, head.StatusCode);
    }

    private static List<string> Fields(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .Where(h => !Varying.Contains(h.Key))
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
