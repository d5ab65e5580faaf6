using System.Net;
using System.Text;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Capture;

/// <summary>
/// A capture body that is JSON but not an object where one is expected (an array, a value, an epcisBody that is not an
/// object) is a 400, never a 500: found by the HTTP fuzz test as a 62-deep array sent to POST /events.
/// </summary>
public sealed class BodiesOfTheWrongShapeAreRefused(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/events", "[]")]
    [InlineData("/events", "[[[[1]]]]")]
    [InlineData("/events", "\"text\"")]
    [InlineData("/capture", "[]")]
    [InlineData("/capture", """{"type":"EPCISDocument","epcisBody":[1]}""")]
    [InlineData("/capture", """{"type":"EPCISDocument","epcisBody":"x"}""")]
    public async Task IsABadRequest(string path, string body)
    {
        var producer = await api.SharedOrgAsync("Producer");
        using var response = await producer.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/ld+json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
