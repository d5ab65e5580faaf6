using System.Diagnostics;
using System.Net.Http.Headers;
using Traceability.Domain.Organisations;
using Traceability.Storage;
using Traceability.Storage.Sqlite;
using Traceability.Testing;

namespace Traceability.Bench;

/// <summary>
/// GET /events?MATCH_anyEPC= latency over a SQLite store holding many events. The store is filled
/// directly through the store port (capture would take minutes per million), then the real API
/// process answers queries for random identifiers, one client at a time.
/// </summary>
internal static class QueryLatency
{
    public static async Task RunAsync(int events, int queries)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "trace-bench-q-" + Guid.NewGuid().ToString("N"));
        var fill = Stopwatch.StartNew();
        await using (var store = new SqliteTraceStore(Path.Combine(dataDir, "trace.db")))
        {
            await store.InitializeAsync(CancellationToken.None);
            for (var start = 0; start < events; start += 10_000)
            {
                var batch = Enumerable.Range(start, Math.Min(10_000, events - start)).Select(Event).ToList();
                await store.AppendAsync(new CaptureWrite(batch, [], null), CancellationToken.None);
            }
        }
        Console.WriteLine($"filled {events} events in {fill.Elapsed.TotalSeconds:0} s; database {new FileInfo(Path.Combine(dataDir, "trace.db")).Length / 1_048_576} MiB");

        await using var anvil = await AnvilNode.StartAsync();
        // One client asking as fast as it can would meet the per-organisation rate limit: this measures the query.
        await using var api = await ApiProcess.StartAsync(anvil.RpcUrl, dataDir,
            new Dictionary<string, string> { ["Trace__Limits__RequestsPerSecondPerKey"] = "1000000" });
        var (key, _) = await api.CreateOrgAsync("Bench Regulator", "regulator");
        using var http = new HttpClient { BaseAddress = api.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        // The lot index loads every event in the background after start (a trace waits for it); queries meanwhile share
        // the cores with that load, so the clock starts once it is done, and the load's time is reported.
        var loading = Stopwatch.StartNew();
        while (!(await http.GetStringAsync("/health/ready")).Contains("\"lotIndex\":\"loaded\"", StringComparison.Ordinal))
            await Task.Delay(100);
        Console.WriteLine($"lot index loaded {loading.Elapsed.TotalSeconds:0.0} s after the API was ready");
        var random = new Random(42);
        for (var i = 0; i < 200; i++) await QueryAsync(http, random.Next(events)); // warm-up
        var latencies = new List<double>(queries);
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await QueryAsync(http, random.Next(events));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        latencies.Sort();
        Console.WriteLine($"GET /events?MATCH_anyEPC= over {events} stored events, {queries} queries");
        Console.WriteLine($"  p50 {CaptureThroughput.Percentile(latencies, 0.50):0.00} ms, p99 {CaptureThroughput.Percentile(latencies, 0.99):0.00} ms");
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
    }

    private static async Task QueryAsync(HttpClient http, int n)
    {
        using var response = await http.GetAsync($"/events?MATCH_anyEPC={Uri.EscapeDataString(Epc(n))}");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains(Epc(n), StringComparison.Ordinal))
            throw new InvalidOperationException($"query for {Epc(n)} answered {(int)response.StatusCode} without the event");
    }

    private static string Epc(int n) => $"https://id.gs1.org/01/06901234100013/21/S{n}";

    private static StoredEvent Event(int n)
    {
        var epc = Epc(n);
        var lotClass = $"https://id.gs1.org/01/06901234100013/10/L{n / 10}";
        var json = $$"""{"type":"ObjectEvent","eventID":"ni:///sha-256;{{n:x64}}?ver=CBV2.0","eventTime":"2026-11-20T10:00:00.000Z","eventTimeZoneOffset":"+08:00","action":"ADD","bizStep":"https://ref.gs1.org/cbv/BizStep-commissioning","epcList":["{{epc}}"],"quantityList":[{"epcClass":"{{lotClass}}","quantity":1,"uom":"KGM"}]}""";
        return new StoredEvent($"ni:///sha-256;{n:x64}?ver=CBV2.0", "org-bench", "ObjectEvent", DateTimeOffset.UnixEpoch.AddSeconds(1_800_000_000 + n),
            DateTimeOffset.UtcNow, "https://ref.gs1.org/cbv/BizStep-commissioning", null, "https://id.gs1.org/414/6901234000016", null,
            [epc], [lotClass], [$"/01/06901234100013/10/L{n / 10}"], false, json);
    }
}
