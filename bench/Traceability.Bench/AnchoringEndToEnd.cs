using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Merkle;
using Traceability.Testing;

namespace Traceability.Bench;

/// <summary>
/// Capture until everything is anchored, side by side on one ledger (an Anvil chain, or with <c>--ledger fabric</c> the
/// Fabric network of network/fabric): batched anchoring (the default, up to 1024 events per transaction) against one
/// transaction per event (MaxBatch = 1). Also the captured → anchored latency of every event, and the time to verify a proof.
/// </summary>
internal static class AnchoringEndToEnd
{
    public static async Task RunAsync(int events, int perEventEvents, int clients, string ledger)
    {
        await using var anvil = ledger == "evm" ? await AnvilNode.StartAsync() : null;
        await using var fabric = ledger == "fabric"
            ? await FabricNetwork.StartAsync(environment: new Dictionary<string, string> { ["FABRIC_MEMBER_ORGS"] = "4", ["FABRIC_LOGGING_SPEC"] = "warning" })
            : null;
        if (anvil is null && fabric is null) throw new ArgumentException("--ledger is evm or fabric");
        IReadOnlyDictionary<string, string> Ledger() => fabric is null
            ? new Dictionary<string, string> { ["Trace__Ledger__Kind"] = "evm", ["Trace__Ledger__RpcUrl"] = anvil!.RpcUrl.ToString() }
            : new Dictionary<string, string> { ["Trace__Ledger__Kind"] = "fabric", ["Trace__Ledger__FabricNetwork"] = Path.Combine(fabric.DataDirectory, "network.json") };
        Console.WriteLine($"ledger: {ledger}");
        var batched = await RunModeAsync(Ledger(), "batched (MaxBatch 1024)", events, clients, maxBatch: 1024);
        var single = await RunModeAsync(Ledger(), "one transaction per event", perEventEvents, clients, maxBatch: 1);

        Console.WriteLine();
        Console.WriteLine($"batched / per-event anchored throughput: {batched.AnchoredPerSecond / single.AnchoredPerSecond:0.0}×");
        try { Directory.Delete(batched.DataDir, true); Directory.Delete(single.DataDir, true); } catch (IOException) { }
    }

    private sealed record ModeResult(string DataDir, double AnchoredPerSecond);

    private static async Task<ModeResult> RunModeAsync(IReadOnlyDictionary<string, string> ledger, string name, int events, int clients, int maxBatch)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "trace-bench-" + Guid.NewGuid().ToString("N"));
        var api = await ApiProcess.StartAsync(dataDir, new Dictionary<string, string>(ledger)
        {
            ["Trace__Anchoring__MaxBatch"] = maxBatch.ToString(),
            ["Trace__Anchoring__Interval"] = "00:00:01",
        });
        await using var _ = api;
        var (key, _) = await api.CreateOrgAsync($"Bench {name}", "producer");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = api.Url, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var perDocument = Math.Min(100, events);
        var documents = Enumerable.Range(0, events / perDocument).Select(d => CaptureThroughput.Document(d + maxBatch * 100_000, perDocument)).ToArray();
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < documents.Length)
            {
                using var response = await http.PostAsync("/capture", new StringContent(documents[i], Encoding.UTF8, "application/ld+json"));
                if ((int)response.StatusCode != 202) throw new InvalidOperationException($"capture answered {(int)response.StatusCode}");
            }
        }));
        var captured = clock.Elapsed;
        while ((await http.GetFromJsonAsync<JsonObject>("/health/ready"))!["anchoring"]!["backlog"]!.GetValue<long>() > 0)
            await Task.Delay(50);
        var anchored = clock.Elapsed;
        var total = documents.Length * perDocument;

        var (latencies, transactions, sample) = await ReadLatenciesAsync(dataDir);
        Console.WriteLine($"{name}: {total} events in {documents.Length} documents, {clients} clients");
        Console.WriteLine($"  captured in {captured.TotalSeconds:0.0} s ({total / captured.TotalSeconds:0} events/s); all anchored after {anchored.TotalSeconds:0.0} s");
        Console.WriteLine($"  anchored throughput {total / anchored.TotalSeconds:0} events/s in {transactions} transactions");
        Console.WriteLine($"  captured → anchored latency p50 {CaptureThroughput.Percentile(latencies, 0.50):0} ms, p99 {CaptureThroughput.Percentile(latencies, 0.99):0} ms, max {latencies[^1]:0} ms");
        if (maxBatch > 1) await VerificationTimeAsync(http, dataDir, sample);
        await api.KillAsync();
        return new ModeResult(dataDir, total / anchored.TotalSeconds);
    }

    private static async Task<(List<double> Latencies, long Transactions, List<string> Sample)> ReadLatenciesAsync(string dataDir)
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dataDir, "trace.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = """
            SELECT b.anchored_at - e.record_time, e.event_id FROM events e JOIN batch_members m ON m.seq = e.seq
            JOIN anchor_batches b ON b.batch_no = m.batch_no ORDER BY e.seq;
            SELECT COUNT(*) FROM anchor_batches;
            """;
        await using var reader = await cmd.ExecuteReaderAsync();
        var latencies = new List<double>();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            latencies.Add(reader.GetInt64(0));
            ids.Add(reader.GetString(1));
        }
        await reader.NextResultAsync();
        await reader.ReadAsync();
        var transactions = reader.GetInt64(0);
        latencies.Sort();
        var random = new Random(7);
        return (latencies, transactions, Enumerable.Range(0, 1000).Select(_ => ids[random.Next(ids.Count)]).ToList());
    }

    /// <summary>Proof verification as a verifier does it: the path walk alone, and with the event hash recomputed.</summary>
    private static async Task VerificationTimeAsync(HttpClient http, string dataDir, List<string> sample)
    {
        var proofs = new List<(byte[] Digest, int Leaf, int Size, byte[][] Path, byte[] Root, JsonObject Event)>();
        await using var db = new SqliteConnection($"Data Source={Path.Combine(dataDir, "trace.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        foreach (var id in sample)
        {
            var p = (await http.GetFromJsonAsync<JsonObject>($"/events/{Convert.ToHexStringLower(EventHash.Digest(id))}/proof"))!;
            await using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT json FROM events WHERE event_id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            var evt = (JsonObject)JsonNode.Parse((string)(await cmd.ExecuteScalarAsync())!)!;
            proofs.Add((EventHash.Digest(id), p["leafIndex"]!.GetValue<int>(), p["treeSize"]!.GetValue<int>(),
                p["auditPath"]!.AsArray().Select(h => Hex.Decode(h!.GetValue<string>())).ToArray(), Hex.Decode(p["root"]!.GetValue<string>()), evt));
        }

        const int rounds = 20;
        var ok = 0;
        var path = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
            foreach (var p in proofs) ok += MerkleProof.Verify(p.Digest, p.Leaf, p.Size, p.Path, p.Root) ? 1 : 0;
        var pathTime = path.Elapsed.TotalMicroseconds / (rounds * proofs.Count);
        var full = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
            foreach (var p in proofs)
                ok += MerkleProof.Verify(EventHash.Digest(EventHash.ComputeId(p.Event)), p.Leaf, p.Size, p.Path, p.Root) ? 1 : 0;
        var fullTime = full.Elapsed.TotalMicroseconds / (rounds * proofs.Count);
        if (ok != 2 * rounds * proofs.Count) throw new InvalidOperationException("a proof did not verify");
        Console.WriteLine($"proof verification ({proofs.Count} proofs from trees of up to {proofs.Max(p => p.Size)} leaves): " +
                          $"audit path {pathTime:0.0} µs, with the event hash recomputed from content {fullTime:0.0} µs per proof");
    }
}
