using System.Text.Json.Nodes;
using Traceability.Api.Tests.Anchoring;
using Traceability.Cli.Demo;
using Traceability.Testing;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// The API process on the assembly's shared Fabric network, loaded with the demo supply chain through HTTP as `trace
/// demo` does; shared by the classes of the "Fabric demo" collection (the page, trace verify).
/// </summary>
public sealed class FabricDemoFixture : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "trace-tests", Guid.NewGuid().ToString("N"));
    private ApiProcess? _api;
    private FabricNetwork? _network;

    public Uri BaseUrl => Api.Url;

    public ApiProcess Api
    {
        get
        {
            if (FabricNetwork.SkipReason is { } reason) Assert.Skip(reason);
            return _api ?? throw new InvalidOperationException("the API did not start");
        }
    }

    public FabricNetwork Network => Api is null ? null! : _network!;

    public string DataDir => Api is null ? null! : _dataDir; // through Api: skips without the Fabric binaries

    public async ValueTask InitializeAsync()
    {
        if (FabricNetwork.SkipReason is not null) return;
        _network = await Ledger.Fixtures.SharedFabricNetwork.GetAsync();
        var settings = FabricAnchors.ApiSettings(_network);
        settings["Trace__Anchoring__MaxBatch"] = "64";
        _api = await ApiProcess.StartAsync(_dataDir, settings);
        using var http = _api.Client();
        http.Timeout = TimeSpan.FromMinutes(3);
        var loader = new DemoLoader(http, ApiProcess.AdminToken, Path.Combine(_dataDir, "demo"), TextWriter.Null);
        if (await loader.RunAsync(CancellationToken.None) != 0) throw new InvalidOperationException("the demo did not load");
    }

    /// <summary>The lot's consumer story once every shown event's proof is anchored.</summary>
    public async Task<JsonObject> AnchoredStoryAsync(string path, CancellationToken ct)
    {
        using var http = Api.Client();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            var story = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!.AsObject();
            var events = story["events"]!.AsArray();
            if (events.Count > 0 && events.All(e => e!["proof"]!["status"]!.GetValue<string>() == "anchored")) return story;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path}: proofs still pending after 90 s");
            await Task.Delay(200, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class FabricDemo : ICollectionFixture<FabricDemoFixture>
{
    public const string Name = "Fabric demo";
}

/// <summary>
/// The demo's clean lot on Fabric, opened in a phone: every record verified on the phone (hash and audit path; a browser
/// cannot ask a Fabric peer), each naming the channel, block and transaction it is anchored in, and the page saying so.
/// </summary>
[Collection(FabricDemo.Name)]
public sealed class ProvenancePageOnFabric(FabricDemoFixture api, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en-US", "Verified · anchored on Hyperledger Fabric channel trace, block ", "A browser cannot ask a Fabric peer")]
    [InlineData("zh-CN", "已核验 · 已存证于 Hyperledger Fabric 通道 trace，区块 ", "浏览器无法直接查询 Fabric 节点")]
    public async Task EveryRecordVerifiesOnThePhoneAndNamesTheChannelAndTransaction(string locale, string verified, string note)
    {
        var path = DemoChainFixture.LotPath(DemoChainFixture.CleanLot);
        var story = await api.AnchoredStoryAsync(path, Ct);
        var records = story["events"]!.AsArray();
        var firstTx = records[0]!["proof"]!["ledger"]!["txId"]!.GetValue<string>();

        await using var context = await browser.NewPhoneAsync(locale);
        var (page, response) = await ProvenancePages.OpenAsync(context, api.BaseUrl, path);
        await ProvenancePages.ScreenshotPartsAsync(page, $"provenance-fabric-{locale}");

        Assert.Equal(200, response.Status);
        Assert.Equal("fabric", story["ledger"]!["kind"]!.GetValue<string>());
        Assert.Contains("connect-src 'self';", await response.HeaderValueAsync("content-security-policy"));
        var states = await ProvenancePages.RecordStatesAsync(page);
        Assert.Equal(records.Count, states.Count);
        Assert.All(states.Values, state => Assert.Equal("verified", state));
        var checks = await page.Locator(".timeline .check").AllInnerTextsAsync();
        Assert.All(checks, text => Assert.Contains(verified, text, StringComparison.Ordinal));
        Assert.Contains(checks, text => text.Contains(firstTx[..10], StringComparison.Ordinal));
        Assert.Equal("verified", await page.Locator("#verdict").GetAttributeAsync("data-state"));
        Assert.Contains(note, await page.Locator("#fabric-note").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("trace-registry", await page.Locator("footer.ledger").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#chain-note").IsHiddenAsync());
    }
}
