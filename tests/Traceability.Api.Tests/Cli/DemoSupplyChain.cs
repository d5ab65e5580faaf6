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

        var second = await store.GetStatsAsync(Ct);
        Assert.Equal((first.Events, first.Organisations), (second.Events, second.Organisations));
        Assert.Equal(11, first.Organisations);
        Assert.Equal(38, first.Events); // 33 supply-chain events, 4 lab results and the announcement of the demo's recall
        if (!OperatingSystem.IsWindows())
        {
            // The keys file holds every demo organisation's API key.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(outDir, "organisations.json")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(outDir));
        }
        var keys = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "organisations.json"), Ct))!;
        string OrgId(string member) => keys[member]!["orgId"]!.GetValue<string>();
        using var regulator = api.As(keys["regulator"]!["apiKey"]!.GetValue<string>());

        // Custody followed the pallets to the shops.
        var lots = await store.GetLotsAsync(["/01/06901234100037/10/LSF-20261112", "/01/06901234100044/10/V2026-11-08B"], Ct);
        var holder = lots["/01/06901234100037/10/LSF-20261112"].HolderOrgId;
        Assert.True(OrgId("shop-wuyi") == holder, $"held by {keys.AsObject().FirstOrDefault(k => k.Value!["orgId"]!.GetValue<string>() == holder).Key}, pending {lots["/01/06901234100037/10/LSF-20261112"].PendingReceiverOrgId}");
        Assert.True(lots["/01/06901234100044/10/V2026-11-08B"].NonConformant);

        // The failing test raised one alert; the recall reached both shops with the bad lot, once, and one acknowledged.
        Assert.Single((await regulator.GetFromJsonAsync<JsonArray>("/alerts", Ct))!);
        var recall = Assert.Single((await regulator.GetFromJsonAsync<JsonArray>("/recalls", Ct))!)!;
        var parties = recall["parties"]!.AsArray().Select(p => p!["orgId"]!.GetValue<string>()).ToList();
        Assert.Contains(OrgId("shop-yufeng"), parties);
        Assert.Contains(OrgId("shop-liunan"), parties);
        Assert.DoesNotContain(OrgId("shop-wuyi"), parties);
        Assert.Contains(recall["affectedLots"]!.AsArray(), l => l!["lot"]!.GetValue<string>() == "LSF-20261113");
        Assert.Equal(1, recall["partiesAcknowledged"]!.GetValue<int>());

        // Every affected lot is recalled on-chain; each affected shop sees the recall and acknowledges it.
        var registry = api.Factory.Services.GetRequiredService<Traceability.Api.Ledger.LedgerConnection>().Require().Registry;
        foreach (var affected in recall["affectedLots"]!.AsArray().Append(recall["origin"]))
        {
            var onChain = await registry.RecallOfAsync(Traceability.Ledger.Registry.TraceRegistryClient.LotKey(affected!["lotKey"]!.GetValue<string>()), Ct);
            Assert.True(onChain.Active, affected["lotKey"]!.GetValue<string>());
        }
        // The pallets that carried the recalled noodles are recalled too, so their labels answer recalled when scanned.
        var units = recall["affectedUnits"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        Assert.Equal(["069012340000000023", "069012340000000030"], units.Order());
        foreach (var sscc in units)
            Assert.True((await registry.RecallOfAsync(Traceability.Ledger.Registry.TraceRegistryClient.LotKey("/00/" + sscc), Ct)).Active, sscc);
        var id = recall["id"]!.GetValue<string>();
        foreach (var shop in new[] { "shop-yufeng", "shop-liunan" })
        {
            using var client = api.As(keys[shop]!["apiKey"]!.GetValue<string>());
            Assert.Contains((await client.GetFromJsonAsync<JsonArray>("/recalls?affecting=me", Ct))!, r => r!["id"]!.GetValue<string>() == id);
        }
        using (var liunan = api.As(keys["shop-liunan"]!["apiKey"]!.GetValue<string>()))
            Assert.Equal(System.Net.HttpStatusCode.Created, (await liunan.PostAsJsonAsync($"/recalls/{id}/acknowledgements", new { quantityRemoved = 960, unit = "EA" }, Ct)).StatusCode);
        Assert.Equal(2, (await regulator.GetFromJsonAsync<JsonObject>($"/recalls/{id}", Ct))!["partiesAcknowledged"]!.GetValue<int>());

        // The regulator traces the clean noodles back across the transformation to the rice farm's lot.
        var trace = (await regulator.GetFromJsonAsync<JsonObject>("/trace/06901234100037/LSF-20261112?direction=backward", Ct))!;
        Assert.Contains(trace["lots"]!.AsArray(), l => l!["id"]!.GetValue<string>() == "/01/06901234100013/10/R2026-11-A");
        Assert.DoesNotContain(trace["lots"]!.AsArray(), l => l!["id"]!.GetValue<string>() == "/01/06901234100044/10/V2026-11-08B");
    }
}
