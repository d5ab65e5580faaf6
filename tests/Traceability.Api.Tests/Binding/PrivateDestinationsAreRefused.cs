using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// Without Trace:Subscriptions:AllowPrivateDestinations a subscription may not point into the server's own networks
/// (no SSRF): loopback, private, link-local and metadata addresses and plain http are refused with a 400 naming dest.
/// </summary>
public sealed class PrivateDestinationsAreRefused(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://127.0.0.1:8443/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://93.184.215.14/hook")]
    [InlineData("https://user:pw@93.184.215.14/hook")]
    [InlineData("file:///etc/passwd")]
    public async Task ADestinationInsideIsRefusedAndNothingIsSubscribed(string dest)
    {
        var org = await api.SharedOrgAsync("retailer");
        var name = "ssrf-" + Guid.NewGuid().ToString("N")[..8];
        await org.Client.CreateQueryAsync(name, new JsonObject { ["eventType"] = new JsonArray("ObjectEvent") });

        var response = await org.Client.PostAsJsonAsync($"/queries/{name}/subscriptions", new JsonObject { ["dest"] = dest, ["stream"] = true }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Body();
        Assert.Equal("epcisException:SubscriptionControlsException", problem["type"]!.GetValue<string>());
        Assert.Contains("dest", problem.ToJsonString());
        var listed = await (await org.Client.GetAsync($"/queries/{name}/subscriptions", Ct)).Content.ReadFromJsonAsync<JsonArray>(Ct);
        Assert.Empty(listed!);
    }
}
