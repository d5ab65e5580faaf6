using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Testing;

namespace Traceability.Api.Tests.Admin;

/// <summary>
/// The chain answers but mines nothing, so the API's deployment of the registry stays in the pool.
/// Until it lands there is no registry to register organisations on or anchor to.
/// </summary>
public sealed class StalledDeploymentFixture : ApiFixture
{
    protected override async Task<AnvilNode> StartChainAsync()
    {
        var chain = await AnvilNode.StartAsync();
        await chain.SetMiningAsync(false);
        return chain;
    }

    protected override IDictionary<string, string?> Settings(AnvilNode chain) => new Dictionary<string, string?>
    {
        ["Trace:Ledger:RpcUrl"] = chain.RpcUrl.ToString(),
        ["Trace:Ledger:CommitTimeout"] = "00:05:00",
    };

    // Wait until the deployment transaction sits in the pool, so the connection is half-way.
    protected override async Task WaitForLedgerAsync()
    {
        for (var i = 0; i < 600; i++)
        {
            if (await Chain.PendingTransactionsAsync() > 0) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("the API never sent its registry deployment: " + await Anonymous.GetStringAsync("/health/ready"));
    }
}

public sealed class RegistryNotYetDeployed(StalledDeploymentFixture api) : IClassFixture<StalledDeploymentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadinessNamesNoContractWhileTheDeploymentIsPending()
    {
        var ready = await api.Anonymous.GetFromJsonAsync<JsonObject>("/health/ready", Ct);

        Assert.Equal("Degraded", ready!["chain"]!["status"]!.GetValue<string>());
        Assert.Null(ready["chain"]!["contract"]);
    }

    [Fact]
    public async Task OrganisationCreationAnswers503InsteadOfRegisteringOnNoContract()
    {
        using var admin = api.Admin();
        var response = await admin.PostAsJsonAsync("/admin/orgs", new { name = "Early Farm", role = "producer" }, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonArray>("/admin/orgs", Ct))!);
    }
}
