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
        await CaptureThroughput.RunAsync(Int("documents", 200), Int("events", 100), Int("clients", 4));
        return 0;
    case "query":
        await QueryLatency.RunAsync(Int("events", 1_000_000), Int("queries", 2000));
        return 0;
    default:
        Console.WriteLine("benchmarks: anchors [--accounts 4] [--transactions 4000] [--window 32] | capture [--documents 200] [--events 100] [--clients 4] | query [--events 1000000] [--queries 2000]");
        return benchmark == "help" ? 0 : 2;
}
