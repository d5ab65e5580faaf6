using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Testing;

namespace Traceability.Api.Tests.Trust;

/// <summary>What one request may cost: advertised on OPTIONS /capture the EPCIS 2.0 way, and enforced.</summary>
public sealed class RequestLimits(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OptionsOnCaptureAdvertisesTheLimits()
    {
        using var response = await api.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/capture"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("10000", response.Headers.GetValues("GS1-EPCIS-Capture-Limit").Single());
        Assert.Equal((32 * 1024 * 1024).ToString(), response.Headers.GetValues("GS1-EPCIS-Capture-File-Size-Limit").Single());
    }

    [Fact]
    public async Task AnEventNamingTooManyIdentifiersIsRefusedWhole()
    {
        var org = await api.SharedOrgAsync("producer");
        var evt = Epcis.Event("ObjectEvent", "inspecting");
        evt["epcList"] = new JsonArray(Enumerable.Range(0, 10_001).Select(i => (JsonNode)$"https://id.gs1.org/01/{Epcis.Gtin}/21/S{i}").ToArray());

        var response = await org.Client.PostEvent(evt);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("/problems/too-many-identifiers", (await response.Body())["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABodyOverTheSizeLimitIsRefusedBeforeItIsRead()
    {
        var org = await api.SharedOrgAsync("producer");
        var huge = new StringContent("{\"type\":\"EPCISDocument\",\"x\":\"" + new string('a', 33 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");

        var response = await org.Client.PostAsync("/capture", huge, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"type\":1}")]
    [InlineData("{\"type\":{}}")]
    [InlineData("{\"n\":1e400}")]
    public async Task MalformedBodiesAreClientErrors(string body)
    {
        var org = await api.SharedOrgAsync("producer");

        var response = await org.Client.PostAsync("/capture", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task InvalidUtf8InsideAStringIsAClientError()
    {
        var org = await api.SharedOrgAsync("producer");
        var bytes = "{\"type\":\"EPCISDocument\",\"x\":\""u8.ToArray().Concat(new byte[] { 0xff, 0xfe }).Concat("\"}"u8.ToArray()).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        var response = await org.Client.PostAsync("/capture", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ProceedWithANullEventStoresTheRestAndReportsIt()
    {
        var org = await api.SharedOrgAsync("producer");
        var doc = Epcis.Document(Epcis.Commission("NULL-" + Guid.NewGuid().ToString("N")[..6]));
        doc["epcisBody"]!["eventList"]!.AsArray().Add(null);

        var response = await org.Client.Capture(doc, "proceed");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Body();
        Assert.Equal("PartiallySucceeded", job["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATimeThatCannotBeShownWhereItHappenedIsRefusedNamingTheField()
    {
        var org = await api.SharedOrgAsync("producer");
        var evt = Epcis.Commission("T-" + Guid.NewGuid().ToString("N")[..6]);
        evt["eventTime"] = "0001-01-01T00:00:00Z";
        evt["eventTimeZoneOffset"] = "-12:00";

        var response = await org.Client.PostEvent(evt);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.Body())["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == "$.eventTime");
    }
}

/// <summary>The API with a low request rate per API key and few failed authentications allowed per address.</summary>
public sealed class RateLimitsFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings(AnvilNode chain)
    {
        var settings = base.Settings(chain);
        settings["Trace:Limits:RequestsPerSecondPerKey"] = "2";
        settings["Trace:Limits:FailedAuthenticationsPerMinute"] = "3";
        return settings;
    }
}

/// <summary>The framework's rate limiter holds each API key to its rate.</summary>
public sealed class KeyRateLimit(RateLimitsFixture api) : IClassFixture<RateLimitsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKeySendingFasterThanItMayIsAnswered429WithRetryAfter()
    {
        var org = await api.CreateOrgAsync("producer");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => org.Client.GetAsync("/events?perPage=1", Ct)));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task AnOrganisationsConsoleSessionsShareItsRate()
    {
        var org = await api.CreateOrgAsync("producer");
        var sessions = new List<Console.ConsoleClient>();
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), Ct); // sign-ins are requests too: stay within 2 a second
            sessions.Add(await Console.ConsoleClient.SignInAsync(api, org.ApiKey, Ct));
        }
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct); // the bucket refills to its burst of 4

        // Four requests per session: each within a session's own burst, three times the organisation's.
        var responses = await Task.WhenAll(sessions.SelectMany(s => Enumerable.Range(0, 4).Select(_ => s.Http.GetAsync("/events?perPage=1", Ct))));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests) >= 6,
            string.Join(", ", responses.Select(r => (int)r.StatusCode)));
    }
}

/// <summary>Failed authentications are limited per client address (its own API instance: the lockout would stop the other tests).</summary>
public sealed class FailedAuthenticationLimit(RateLimitsFixture api) : IClassFixture<RateLimitsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GuessingKeysFromOneAddressIsStopped()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var guess = api.As("trk_guess" + i);
            statuses.Add((await guess.GetAsync("/events", Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        // Pages anyone may read are not held back for it.
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync("/health/live", Ct)).StatusCode);
    }
}
