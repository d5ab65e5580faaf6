using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Testing;

namespace Traceability.Bench;

/// <summary>
/// POST /capture with 100-event EPCIS documents against the real API process on a SQLite file:
/// events per second and per-document latency, with a few clients sending at once.
/// </summary>
internal static class CaptureThroughput
{
    public static async Task RunAsync(int documents, int eventsPerDocument, int clients, bool anchoring = true, int warmup = 20)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "trace-bench-" + Guid.NewGuid().ToString("N"));
        await using var anvil = await AnvilNode.StartAsync();
        await using var api = await ApiProcess.StartAsync(anvil.RpcUrl, dataDir,
            new Dictionary<string, string> { ["Trace__Anchoring__Enabled"] = anchoring ? "true" : "false" });
        var (key, _) = await api.CreateOrgAsync("Bench Producer", "producer");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = api.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var bodies = Enumerable.Range(0, documents + warmup).Select(d => Document(d, eventsPerDocument)).ToArray();
        await SendAsync(http, bodies[..warmup], clients); // warm-up: the JIT's tiers settle before the clock starts
        var cpuBefore = api.CpuTime;
        var clock = Stopwatch.StartNew();
        var latencies = await SendAsync(http, bodies[warmup..], clients);
        var elapsed = clock.Elapsed;
        var cpu = api.CpuTime - cpuBefore;

        latencies.Sort();
        var events = documents * eventsPerDocument;
        Console.WriteLine($"capture: {documents} documents × {eventsPerDocument} events, {clients} clients, anchoring {(anchoring ? "on" : "off")}, in {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"  throughput       {events / elapsed.TotalSeconds:0} events/s");
        Console.WriteLine($"  per document p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms");
        Console.WriteLine($"  API CPU          {cpu.TotalSeconds:0.00} s, {cpu.TotalSeconds * 1000 / events:0.000} CPU-seconds per 1,000 events");
        Console.WriteLine($"  API memory       {api.WorkingSet / 1048576.0:0} MiB resident");
        await StoreFootprint.PrintAsync(Path.Combine(dataDir, "trace.db"), (long)(documents + warmup) * eventsPerDocument);
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
    }

    private static async Task<List<double>> SendAsync(HttpClient http, string[] bodies, int clients)
    {
        var latencies = new List<double>(bodies.Length);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("/capture", new StringContent(bodies[i], Encoding.UTF8, "application/ld+json"));
                if ((int)response.StatusCode != 202) throw new InvalidOperationException($"capture answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return latencies;
    }

    /// <summary>A realistic document: each event commissions a lot with a quantity, a location and a PO.</summary>
    internal static string Document(int document, int events)
    {
        var list = new JsonArray();
        for (var e = 0; e < events; e++)
        {
            list.Add(new JsonObject
            {
                ["type"] = "ObjectEvent",
                ["eventTime"] = DateTimeOffset.UnixEpoch.AddSeconds(1_800_000_000 + document * events + e).ToString("yyyy-MM-dd'T'HH:mm:ss'.000Z'"),
                ["eventTimeZoneOffset"] = "+08:00",
                ["action"] = "ADD",
                ["bizStep"] = "commissioning",
                ["disposition"] = "active",
                ["epcList"] = new JsonArray($"https://id.gs1.org/01/06901234100013/21/S{document}-{e}"),
                ["quantityList"] = new JsonArray(new JsonObject { ["epcClass"] = $"https://id.gs1.org/01/06901234100013/10/L{document}-{e}", ["quantity"] = 12.5, ["uom"] = "KGM" }),
                ["readPoint"] = new JsonObject { ["id"] = "https://id.gs1.org/414/6901234000016" },
                ["bizLocation"] = new JsonObject { ["id"] = "https://id.gs1.org/414/6901234000016" },
                ["bizTransactionList"] = new JsonArray(new JsonObject { ["type"] = "po", ["bizTransaction"] = $"urn:example:po:{document}-{e}" }),
            });
        }
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
            ["type"] = "EPCISDocument",
            ["schemaVersion"] = "2.0",
            ["creationDate"] = "2026-11-20T10:00:00Z",
            ["epcisBody"] = new JsonObject { ["eventList"] = list },
        }.ToJsonString();
    }

    internal static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
}
