using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Admin;

public sealed class Health(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LiveAnswersWhileTheProcessRuns()
    {
        var response = await api.Anonymous.GetAsync("/health/live", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadyReportsTheChainAndTheContractItDeployed()
    {
        var ready = await api.Anonymous.GetFromJsonAsync<JsonObject>("/health/ready", Ct);

        Assert.Equal("Healthy", ready!["status"]!.GetValue<string>());
        Assert.Equal("31337", ready["chain"]!["chainId"]!.GetValue<string>());
        Assert.Equal("sqlite", ready["store"]!["kind"]!.GetValue<string>());
        var contract = EvmAddress.Parse(ready["chain"]!["contract"]!.GetValue<string>());
        using var http = new HttpClient();
        var gateway = await EvmGateway.ConnectAsync(new JsonRpcClient(http, api.Chain.RpcUrl), Ct);
        Assert.True(await TraceRegistryClient.At(gateway, contract).IsDeployedAsync(Ct));
    }

    [Fact]
    public async Task ReadySaysWhenTheLotIndexHasLoaded()
    {
        // An empty store loads at once; the report says so within a few polls.
        string? state = null;
        for (var i = 0; i < 100 && state != "loaded"; i++)
        {
            state = (await api.Anonymous.GetFromJsonAsync<JsonObject>("/health/ready", Ct))!["lotIndex"]!.GetValue<string>();
            if (state != "loaded") await Task.Delay(100, Ct);
        }
        Assert.Equal("loaded", state);
    }

    [Fact]
    public async Task LedgerNamesTheChainForIndependentVerification()
    {
        var ledger = await api.Anonymous.GetFromJsonAsync<JsonObject>("/ledger", Ct);
        Assert.Equal("evm", ledger!["kind"]!.GetValue<string>());
        Assert.Equal(31337, ledger["chainId"]!.GetValue<long>());
        Assert.StartsWith("0x", ledger["contract"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApiDocumentIsServed()
    {
        var doc = await api.Anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct);
        Assert.NotNull(doc!["paths"]!["/admin/orgs"]);
    }
}
