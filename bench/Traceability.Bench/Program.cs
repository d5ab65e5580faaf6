using Traceability.Bench;

// dotnet run -c Release --project bench/Traceability.Bench -- <benchmark> [options]
var benchmark = args.FirstOrDefault() ?? "help";
var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v) : fallback;

switch (benchmark)
{
    case "anchors":
        await AnchorThroughput.RunAsync(Int("accounts", 4), Int("transactions", 4000), Int("window", 32));
        return 0;
    case "capture":
        await CaptureThroughput.RunAsync(Int("documents", 200), Int("events", 100), Int("clients", 4),
            !options.TryGetValue("anchoring", out var anchoring) || anchoring != "off", Int("warmup", 20));
        return 0;
    case "resolver":
        await ResolverLoad.RunAsync(Int("rate", 500), Int("connections", 50), Int("seconds", 20));
        return 0;
    case "anchoring":
        await AnchoringEndToEnd.RunAsync(Int("events", 100_000), Int("per-event-events", 2000), Int("clients", 4),
            options.TryGetValue("ledger", out var ledger) ? ledger : "evm");
        return 0;
    case "query":
        await QueryLatency.RunAsync(Int("events", 1_000_000), Int("queries", 2000));
        return 0;
    case "trace":
        await TraceLatency.RunAsync(Int("events", 1_000_000), Int("lots", 100_000), Int("depth", 10), Int("queries", 2000), Int("hop-queries", int.MaxValue));
        return 0;
    case "signing":
        SigningThroughput.Run(Int("signatures", 5000), Int("threads", 1));
        return 0;
    case "xml":
        await XmlReading.RunAsync(Int("events", 100_000));
        return 0;
    case "fabric-anchoring":
        await FabricAnchoring.RunAsync(Int("events", 200_000), Int("per-event-events", 2000), Int("batch", 1024), Int("concurrency", 16));
        return 0;
    default:
        Console.WriteLine("benchmarks: anchors [--accounts 4] [--transactions 4000] [--window 32] | capture [--documents 200] [--events 100] [--clients 4] [--anchoring on|off] [--warmup 20] | query [--events 1000000] [--queries 2000] | anchoring [--events 100000] [--per-event-events 2000] [--clients 4] [--ledger evm|fabric] | resolver [--rate 500] [--connections 50] [--seconds 20] | trace [--events 1000000] [--lots 100000] [--depth 10] [--queries 2000] [--hop-queries <all>] | signing [--signatures 5000] [--threads 1] | xml [--events 100000] | fabric-anchoring [--events 200000] [--per-event-events 2000] [--batch 1024] [--concurrency 16] (needs FABRIC_BIN)");
        return benchmark == "help" ? 0 : 2;
}
