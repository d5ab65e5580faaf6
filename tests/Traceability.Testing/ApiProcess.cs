using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Traceability.Testing;

/// <summary>
/// The real API (Traceability.Api.dll beside the calling assembly) as a separate process on loopback,
/// for benchmarks and for tests that must kill it the way a crash would.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminToken = "process-admin-token-0123456789";
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    private ApiProcess(string dataDir, IReadOnlyDictionary<string, string> environment)
    {
        DataDir = dataDir;
        _environment = environment;
    }

    /// <summary>Where the API listens: a port the system chose at the first start, kept on restarts.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1:0");
    public string DataDir { get; }

    /// <summary>CPU time the API process has used so far (user + system), for benchmarks' cost per event.</summary>
    public TimeSpan CpuTime => _process is { HasExited: false } p ? ReadCpu(p) : TimeSpan.Zero;

    /// <summary>The API process's resident memory now, for benchmarks.</summary>
    public long WorkingSet => _process is { HasExited: false } p ? ReadWorkingSet(p) : 0;

    private static long ReadWorkingSet(Process p)
    {
        p.Refresh();
        return p.WorkingSet64;
    }

    private static TimeSpan ReadCpu(Process p)
    {
        p.Refresh();
        return p.TotalProcessorTime;
    }

    /// <param name="settings">Extra configuration as environment variables (e.g. Trace__Anchoring__MaxBatch).</param>
    public static Task<ApiProcess> StartAsync(Uri rpcUrl, string dataDir, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string> { ["Trace__Ledger__Kind"] = "evm", ["Trace__Ledger__RpcUrl"] = rpcUrl.ToString() };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        return StartAsync(dataDir, environment);
    }

    /// <summary>The API on whatever ledger <paramref name="settings"/> name (e.g. Trace__Ledger__Kind=fabric and Trace__Ledger__FabricNetwork).</summary>
    public static async Task<ApiProcess> StartAsync(string dataDir, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Trace__DataDir"] = dataDir,
            ["Trace__AdminToken"] = AdminToken,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings) environment[key] = value;
        var api = new ApiProcess(dataDir, environment);
        await api.RestartAsync();
        return api;
    }

    /// <summary>Starts the process (again) on the same port and data directory and waits until it is ready.</summary>
    public async Task RestartAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("the API is already running");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Traceability.Api.dll"), "--urls", Url.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment) info.Environment[key] = value;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var port = await ListeningPorts.WaitAsync(_process, TimeSpan.FromSeconds(120));
        if (Url.Port != 0 && port != Url.Port) throw new InvalidOperationException($"the API listens on {port}, not on {Url.Port}");
        Url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = Url };
        for (var i = 0; i < 480; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the API exited with code {_process.ExitCode}");
            try
            {
                var ready = await http.GetFromJsonAsync<JsonObject>("/health/ready");
                if (ready?["chain"]?["contract"] is not null) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("the API did not become ready");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } p) return;
        _process = null;
        if (!p.HasExited) { p.Kill(entireProcessTree: true); await p.WaitForExitAsync(); }
        p.Dispose();
    }

    public HttpClient Client(string? apiKey = null)
    {
        var http = new HttpClient { BaseAddress = Url };
        if (apiKey is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return http;
    }

    /// <summary>Creates an organisation through the admin API; returns its API key and ledger address.</summary>
    public async Task<(string ApiKey, string LedgerAddress)> CreateOrgAsync(string name, string role, string? gln = null)
    {
        using var http = Client(AdminToken);
        var response = await http.PostAsJsonAsync("/admin/orgs", new { name, role, gln });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["apiKey"]!.GetValue<string>(), body["ledgerAddress"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
