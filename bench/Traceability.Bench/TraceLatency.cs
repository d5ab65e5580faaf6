using System.Diagnostics;
using System.Runtime;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Genealogy;
using Traceability.Storage;
using Traceability.Storage.Sqlite;
using Traceability.Testing.SupplyChain;

namespace Traceability.Bench;

/// <summary>
/// Forward and backward trace latency from the in-memory lot graph against the same traces done hop by hop on
/// the store, over a generated supply chain written into a real SQLite store. The graph is loaded from the store
/// the way the API would at start-up (reading every event's JSON), and its memory measured by the GC.
/// </summary>
internal static class TraceLatency
{
    public static async Task RunAsync(int events, int lots, int depth, int queries, int hopQueries)
    {
        var ct = CancellationToken.None;
        var generator = new SupplyChainGenerator(events, lots, depth);
        Console.WriteLine($"supply chain: {generator.EventCount:N0} events ({generator.StructuralEventCount:N0} commissioning, transformation, packing, shipping, receiving; the rest routine observations), " +
            $"{generator.LotKeys.Count:N0} lots over {depth + 1} levels, {generator.ContainerKeys.Count:N0} cases and pallets");

        var dataDir = Path.Combine(Path.GetTempPath(), "trace-bench-t-" + Guid.NewGuid().ToString("N"));
        var dbPath = Path.Combine(dataDir, "trace.db");
        try
        {
            await using var store = new SqliteTraceStore(dbPath);
            await store.InitializeAsync(ct);
            // Straight through the store port, in 10,000-event transactions: capture through the API would take hours.
            var fill = Stopwatch.StartNew();
            var appending = new Stopwatch();
            foreach (var batch in generator.Events().Select(ToStored).Chunk(10_000))
            {
                appending.Start();
                await store.AppendAsync(new CaptureWrite(batch, [], null), ct);
                appending.Stop();
            }
            Console.WriteLine($"store filled in {fill.Elapsed.TotalSeconds:0} s, of which SQLite appends {appending.Elapsed.TotalSeconds:0} s " +
                $"({generator.EventCount / appending.Elapsed.TotalSeconds:N0} events/s) and generating the rest; database {new FileInfo(dbPath).Length / 1_048_576:N0} MiB");

            // Measured outside the loader: an async method keeps its last page of events alive until it returns.
            var before = LiveBytes();
            using var graph = new LotGraph();
            var load = await LoadGraphAsync(store, graph, ct);
            var built = LiveBytes();
            var sample = Sample(generator.LotKeys, queries);
            var index = MeasureIndex(graph, sample);
            var hops = await MeasureHopsAsync(store, graph, sample.Take(Math.Min(hopQueries, sample.Count)).ToList(), ct);
            Report(load with { MeasuredBytes = built - before, EstimatedBytes = graph.EstimatedBytes }, index, hops);
        }
        finally
        {
            try { Directory.Delete(dataDir, true); } catch (IOException) { }
        }
    }

    private static StoredEvent ToStored(SupplyChainEvent e) => new(
        e.EventId, "org-bench", e.Type.ToString(), e.EventTime, DateTimeOffset.UtcNow, Cbv.ToUri(CbvVocabulary.BizStep, e.BizStep),
        null, e.BizLocation, e.BizLocation, e.Epcs, e.EpcClasses, e.LotKeys, false, e.Json);

    private sealed record Load(TimeSpan Read, TimeSpan Build, long Nodes, long Edges, long Events)
    {
        /// <summary>Live heap after loading minus before.</summary>
        public long MeasuredBytes { get; init; }

        public long EstimatedBytes { get; init; }
    }

    /// <summary>Live managed bytes after full, compacting collections (LOH included), so garbage does not count.</summary>
    private static long LiveBytes()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>Pages through every stored event; the time spent parsing and adding is kept apart from the store reads.</summary>
    private static async Task<Load> LoadGraphAsync(ITraceStore store, LotGraph graph, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var build = new Stopwatch();
        var query = new EventQuery { PerPage = EventQuery.MaxPerPage };
        while (true)
        {
            var page = await store.QueryEventsAsync(query, ct);
            build.Start();
            foreach (var e in page.Events) graph.Add(e.EventId, GenealogyEvent.FromJson(e.Json));
            build.Stop();
            if (page.NextAfterSequence is not { } after) break;
            query = query with { AfterSequence = after };
        }
        total.Stop();
        return new Load(total.Elapsed - build.Elapsed, build.Elapsed, graph.NodeCount, graph.EdgeCount, graph.EventCount);
    }

    private static List<string> Sample(IReadOnlyList<string> lots, int count)
    {
        var random = new Random(2026);
        return [.. Enumerable.Range(0, count).Select(_ => lots[random.Next(lots.Count)])];
    }

    private sealed record Side(List<double> Forward, List<double> Backward, double Lots, double Edges, double Queries, int MaxLots);

    private static Side MeasureIndex(LotGraph graph, List<string> sample)
    {
        foreach (var lot in sample.Take(200)) graph.Trace(lot, TraceDirection.Both); // warm-up
        var forward = new List<double>(sample.Count);
        var backward = new List<double>(sample.Count);
        long lots = 0, edges = 0;
        var maxLots = 0;
        foreach (var lot in sample)
        {
            foreach (var (direction, times) in new[] { (TraceDirection.Forward, forward), (TraceDirection.Backward, backward) })
            {
                var started = Stopwatch.GetTimestamp();
                var trace = graph.Trace(lot, direction);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                lots += trace.Lots.Count;
                edges += trace.Edges.Count;
                maxLots = Math.Max(maxLots, trace.Lots.Count);
            }
        }
        return new Side(forward, backward, lots / (2.0 * sample.Count), edges / (2.0 * sample.Count), 0, maxLots);
    }

    private static async Task<(Side Side, int Agreeing)> MeasureHopsAsync(ITraceStore store, LotGraph graph, List<string> sample, CancellationToken ct)
    {
        foreach (var lot in sample.Take(20)) await StoreHopTrace.TraceAsync(store, lot, downstream: true, ct); // warm-up
        var forward = new List<double>(sample.Count);
        var backward = new List<double>(sample.Count);
        long lots = 0, edges = 0, queries = 0;
        int agreeing = 0, maxLots = 0;
        foreach (var lot in sample)
        {
            foreach (var (downstream, times) in new[] { (true, forward), (false, backward) })
            {
                var started = Stopwatch.GetTimestamp();
                var trace = await StoreHopTrace.TraceAsync(store, lot, downstream, ct);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                lots += trace.Lots.Count;
                edges += trace.Edges;
                queries += trace.Queries;
                maxLots = Math.Max(maxLots, trace.Lots.Count);
                var fromIndex = graph.Trace(lot, downstream ? TraceDirection.Forward : TraceDirection.Backward);
                if (trace.Lots.SetEquals(fromIndex.Lots) && trace.Parties.SetEquals(fromIndex.Parties) && trace.Edges == fromIndex.Edges.Count)
                    agreeing++;
            }
        }
        var n = 2.0 * sample.Count;
        return (new Side(forward, backward, lots / n, edges / n, queries / n, maxLots), agreeing);
    }

    private static void Report(Load load, Side index, (Side Side, int Agreeing) hops)
    {
        var hop = hops.Side;
        foreach (var list in new[] { index.Forward, index.Backward, hop.Forward, hop.Backward }) list.Sort();
        static double P(List<double> sorted, double p) => CaptureThroughput.Percentile(sorted, p);

        Console.WriteLine($"lot graph: {load.Nodes:N0} nodes, {load.Edges:N0} edges from {load.Events:N0} events");
        Console.WriteLine($"  loaded from the store in {(load.Read + load.Build).TotalSeconds:0.0} s: store reads {load.Read.TotalSeconds:0.0} s, JSON reading and indexing {load.Build.TotalSeconds:0.0} s");
        Console.WriteLine($"  memory, live heap after - before loading: {load.MeasuredBytes / 1_048_576.0:N1} MiB = {(double)load.MeasuredBytes / load.Edges:0.0} bytes/edge = {load.MeasuredBytes * 1_000_000.0 / load.Edges / 1_048_576:N1} MiB per million edges");
        Console.WriteLine($"  (the graph's own estimate, LotGraph.EstimatedBytes: {load.EstimatedBytes / 1_048_576.0:N1} MiB)");
        Console.WriteLine();
        Console.WriteLine($"| {index.Forward.Count:N0} lots, one at a time | forward p50 | forward p99 | backward p50 | backward p99 | lots/trace | edges/trace | store queries/trace |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| lot graph (index) | {P(index.Forward, .5):0.000} ms | {P(index.Forward, .99):0.000} ms | {P(index.Backward, .5):0.000} ms | {P(index.Backward, .99):0.000} ms | {index.Lots:0.0} | {index.Edges:0.0} | 0 |");
        Console.WriteLine($"| per hop on SQLite ({hop.Forward.Count:N0} lots) | {P(hop.Forward, .5):0.0} ms | {P(hop.Forward, .99):0.0} ms | {P(hop.Backward, .5):0.0} ms | {P(hop.Backward, .99):0.0} ms | {hop.Lots:0.0} | {hop.Edges:0.0} | {hop.Queries:0.0} |");
        Console.WriteLine($"| speed-up (per hop / index) | {P(hop.Forward, .5) / P(index.Forward, .5):N0}x | {P(hop.Forward, .99) / P(index.Forward, .99):N0}x | {P(hop.Backward, .5) / P(index.Backward, .5):N0}x | {P(hop.Backward, .99) / P(index.Backward, .99):N0}x | | | |");
        Console.WriteLine();
        Console.WriteLine($"largest trace: {index.MaxLots:N0} lots and containers; per-hop and index traces agree on nodes and edge count: {hops.Agreeing:N0} of {2 * hop.Forward.Count:N0}");
    }
}
