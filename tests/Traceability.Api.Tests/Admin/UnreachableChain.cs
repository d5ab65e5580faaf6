using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Testing;

namespace Traceability.Api.Tests.Admin;

/// <summary>The API points at a port where no chain listens.</summary>
public sealed class DeadChainFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings(AnvilNode chain) => new Dictionary<string, string?>
    {
        ["Trace:Ledger:RpcUrl"] = "http://127.0.0.1:1" /* nothing listens on port 1, and no test can take it */,
        ["Trace:Ledger:ReconnectInterval"] = "00:00:00.200",
    };

    protected override Task WaitForLedgerAsync() => Task.CompletedTask;
}

public sealed class UnreachableChain(DeadChainFixture api) : IClassFixture<DeadChainFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadyStaysUpAndReportsTheChainDegraded()
    {
        var response = await api.Anonymous.GetAsync("/health/ready", Ct);
        var ready = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", ready!["status"]!.GetValue<string>());
        Assert.Equal("Degraded", ready["chain"]!["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(ready["chain"]!["error"]?.GetValue<string>()));
    }

    [Fact]
    public async Task OrganisationCreationAnswers503WithoutStoringAnything()
    {
        using var admin = api.Admin();
        var response = await admin.PostAsJsonAsync("/admin/orgs", new { name = "Farm", role = "producer" }, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>("/admin/orgs", Ct))!);
    }
}
