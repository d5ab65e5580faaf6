using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Anchoring;
using Traceability.Cli.Demo;
using Traceability.Testing;

namespace Traceability.Api.Tests.Browser;

/// <summary>
/// The API on Kestrel with fast anchoring (<see cref="AnchoringFixture"/>'s pace), loaded with the demo 柳州螺蛳粉
/// supply chain through HTTP by <see cref="DemoLoader"/>, as `trace demo` loads it. The ledger publishes the Anvil
/// node as its public RPC URL, so the provenance page may also ask the chain about each root.
/// </summary>
public sealed class DemoChainFixture : KestrelApiFixture
{
    public const string Gtin = "06901234100037";
    public const string CleanLot = "LSF-20261112";
    public const string RecalledLot = "LSF-20261113";

    /// <summary>The demo's organisations.json: each member's orgId, apiKey and ledger address by key ("regulator", ...).</summary>
    public JsonObject Members { get; private set; } = null!;

    /// <summary>A client on the Kestrel socket, as a phone's or a member's would be.</summary>
    public HttpClient Http { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings(AnvilNode chain)
    {
        var settings = base.Settings(chain);
        foreach (var (key, value) in AnchoringFixture.FastAnchoring(chain)) settings[key] = value;
        settings["Trace:Ledger:PublicRpcUrl"] = chain.RpcUrl.ToString();
        return settings;
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var dir = Path.Combine(DataDir, "demo");
        var loader = new DemoLoader(Http, AdminToken, dir, TextWriter.Null);
        if (await loader.RunAsync(CancellationToken.None) != 0) throw new InvalidOperationException("the demo did not load");
        Members = JsonNode.Parse(await File.ReadAllTextAsync(loader.OrganisationsFile))!.AsObject();
    }

    /// <summary>A client with the API key of a demo member ("regulator", "lab", ...), on the Kestrel socket.</summary>
    public HttpClient Member(string key)
    {
        var client = new HttpClient { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Members[key]!["apiKey"]!.GetValue<string>());
        return client;
    }

    public static string LotPath(string lot, string gtin = Gtin) => $"/01/{gtin}/10/{Uri.EscapeDataString(lot)}";

    /// <summary>
    /// Polls the lot's consumer JSON until every shown event's proof is anchored (fast anchoring takes a second or
    /// two; under a loaded test run longer), and returns the story.
    /// </summary>
    public async Task<JsonObject> AnchoredStoryAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await Http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var story = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            var events = story["events"]!.AsArray();
            if (events.Count > 0 && events.All(e => e!["proof"]!["status"]!.GetValue<string>() == "anchored")) return story;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{path}: {events.Count(e => e!["proof"]!["status"]!.GetValue<string>() != "anchored")} of {events.Count} proofs still pending after 60 s");
            await Task.Delay(200, cancellationToken);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await base.DisposeAsync();
    }
}
