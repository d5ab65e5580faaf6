using System.Net;
using System.Net.Http.Headers;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Consumer;

/// <summary>A QR code is the same for the same URI, so caches may keep it and revalidate it by its ETag.</summary>
public sealed class QrCodeCaching(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(".png")]
    [InlineData(".svg")]
    public async Task ResponseIsPubliclyCacheableWithAStrongETag(string format)
    {
        var response = await api.Anonymous.GetAsync($"/qr/01/6901234100037/10/LSF-1{format}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl.MaxAge);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task SameUriGivesTheSameETagAndAnotherLotAnother()
    {
        var first = await ETagAsync("/qr/01/6901234100037/10/LSF-1.png");
        var again = await ETagAsync("/qr/01/06901234100037/10/LSF-1.png"); // the same GTIN spelt in 14 digits
        var otherLot = await ETagAsync("/qr/01/6901234100037/10/LSF-2.png");
        var otherSize = await ETagAsync("/qr/01/6901234100037/10/LSF-1.png?size=256");

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherLot);
        Assert.NotEqual(first, otherSize);
    }

    [Fact]
    public async Task IfNoneMatchWithTheETagGetsNotModified()
    {
        var etag = await ETagAsync("/qr/01/6901234100037/10/LSF-1.svg");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/qr/01/6901234100037/10/LSF-1.svg");
        request.Headers.IfNoneMatch.Add(etag);

        var response = await api.Anonymous.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    private async Task<EntityTagHeaderValue> ETagAsync(string path)
    {
        var response = await api.Anonymous.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!;
    }
}
