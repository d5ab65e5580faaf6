using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Testing;

namespace Traceability.Bench;

/// <summary>The real API (the Release build beside this benchmark) as a separate process on loopback.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminToken = "bench-admin-token";
    private readonly Process _process;

    private ApiProcess(Process process, Uri url, string dataDir)
    {
        _process = process;
        Url = url;
        DataDir = dataDir;
    }

    public Uri Url { get; }
    public string DataDir { get; }

    public static async Task<ApiProcess> StartAsync(Uri rpcUrl, string dataDir)
    {
        var url = new Uri($"http://127.0.0.1:{AnvilNode.FreeLoopbackPort()}");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Traceability.Api.dll"), "--urls", url.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["Trace__DataDir"] = dataDir;
        info.Environment["Trace__AdminToken"] = AdminToken;
        info.Environment["Trace__Ledger__RpcUrl"] = rpcUrl.ToString();
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, url, dataDir);
        using var http = new HttpClient { BaseAddress = url };
        for (var i = 0; i < 240; i++)
        {
            try
            {
                var ready = await http.GetFromJsonAsync<JsonObject>("/health/ready");
                if (ready?["chain"]?["contract"] is not null) return api;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("the API did not become ready");
    }

    public async Task<string> CreateOrgAsync(string name, string role)
    {
        using var http = new HttpClient { BaseAddress = Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var response = await http.PostAsJsonAsync("/admin/orgs", new { name, role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        _process.Dispose();
    }
}
