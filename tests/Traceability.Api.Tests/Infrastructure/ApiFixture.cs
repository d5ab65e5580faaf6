using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Ledger;
using Traceability.Testing;

namespace Traceability.Api.Tests.Infrastructure;

/// <summary>
/// The whole API in-process on a real SQLite file in a temporary data directory, anchored on a live
/// Anvil chain. One per test class; tests create their own organisations.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public const string AdminToken = "test-admin-token-0123456789";

    private WebApplicationFactory<Program>? _factory;

    public AnvilNode Chain { get; private set; } = null!;
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "trace-tests", Guid.NewGuid().ToString("N"));
    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("not started");
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Overrides a test class may add (e.g. a dead RPC URL).</summary>
    protected virtual IDictionary<string, string?> Settings(AnvilNode chain) => new Dictionary<string, string?>
    {
        ["Trace:Ledger:RpcUrl"] = chain.RpcUrl.ToString(),
    };

    public virtual async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDir);
        Chain = await StartChainAsync();
        _factory = CreateFactory();
        BeforeStart(_factory);
        Anonymous = Factory.CreateClient();
        await WaitForLedgerAsync();
    }

    /// <summary>The chain the API anchors on; a fixture may give it a state file to survive restarts.</summary>
    protected virtual Task<AnvilNode> StartChainAsync() => AnvilNode.StartAsync();

    public WebApplicationFactory<Program> CreateFactory() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Trace:DataDir", DataDir);
        builder.UseSetting("Trace:AdminToken", AdminToken);
        builder.UseSetting("Trace:PublicBaseUrl", "https://trace.example.com");
        foreach (var (key, value) in Settings(Chain)) builder.UseSetting(key, value);
    });

    /// <summary>Last chance to configure the factory before the server starts (e.g. to listen with Kestrel).</summary>
    protected virtual void BeforeStart(WebApplicationFactory<Program> factory)
    {
    }

    protected virtual async Task WaitForLedgerAsync()
    {
        var ledger = Factory.Services.GetRequiredService<LedgerConnection>();
        await ledger.Connected.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public HttpClient Admin()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    public HttpClient As(string apiKey)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    private readonly SemaphoreSlim _sharedLock = new(1, 1);
    private readonly Dictionary<string, TestOrg> _shared = [];

    /// <summary>One organisation per role shared by all tests of the class (test instances are not).</summary>
    public async Task<TestOrg> SharedOrgAsync(string role)
    {
        await _sharedLock.WaitAsync();
        try
        {
            if (!_shared.TryGetValue(role, out var org)) _shared[role] = org = await CreateOrgAsync(role);
            return org;
        }
        finally
        {
            _sharedLock.Release();
        }
    }

    /// <summary>Creates an organisation through the admin API and returns its client and ids.</summary>
    public async Task<TestOrg> CreateOrgAsync(string role, string? gln = null, string? name = null)
    {
        using var admin = Admin();
        var response = await admin.PostAsJsonAsync("/admin/orgs", new { name = name ?? $"{role} {Guid.NewGuid():N}", role, gln });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"creating a {role} failed: {response.StatusCode} {body}");
        return new TestOrg(body!["orgId"]!.GetValue<string>(), body["apiKey"]!.GetValue<string>(), body["ledgerAddress"]!.GetValue<string>(), gln, As(body["apiKey"]!.GetValue<string>()));
    }

    public virtual async ValueTask DisposeAsync()
    {
        Anonymous?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await Chain.DisposeAsync();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } // best effort: SQLite may hold the file briefly
    }
}

public sealed record TestOrg(string OrgId, string ApiKey, string LedgerAddress, string? Gln, HttpClient Client);
