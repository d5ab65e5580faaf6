using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Cli.Demo;
using Traceability.Storage;

namespace Traceability.Api.Tests.Cli;

public sealed class DemoSupplyChain(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadsThroughTheApiAndLoadingAgainChangesNothing()
    {
        var outDir = Path.Combine(api.DataDir, "demo");
        using var http = api.Factory.CreateClient();
        var store = api.Factory.Services.GetRequiredService<ITraceStore>();

        Assert.Equal(0, await new DemoLoader(http, ApiFixture.AdminToken, outDir, TextWriter.Null).RunAsync(Ct));
        var first = await store.GetStatsAsync(Ct);
        Assert.Equal(0, await new DemoLoader(http, ApiFixture.AdminToken, outDir, TextWriter.Null).RunAsync(Ct));

        Assert.Equal(first, await store.GetStatsAsync(Ct));
        Assert.Equal(11, first.Organisations);
        Assert.Equal(11, first.Events);
        var keys = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "organisations.json"), Ct))!;
        using var regulator = api.As(keys["regulator"]!["apiKey"]!.GetValue<string>());
        var noodles = await regulator.GetFromJsonAsync<JsonObject>(
            $"/events?MATCH_epcClass={Uri.EscapeDataString("https://id.gs1.org/01/06901234100037/10/LSF-20261112")}", Ct);
        Assert.Equal(5, noodles!["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray().Count);
        var lot = (await store.GetLotsAsync(["/01/06901234100037/10/LSF-20261112"], Ct)).Single().Value;
        Assert.Equal(keys["shop-wuyi"]!["orgId"]!.GetValue<string>(), lot.HolderOrgId);
    }
}
