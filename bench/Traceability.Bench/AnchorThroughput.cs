using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;
using Traceability.Testing;

namespace Traceability.Bench;

/// <summary>
/// anchor(root, count) transactions per second from several organisation accounts against a local
/// Anvil: each transaction is signed here (EIP-1559, secp256k1), sent, and counted once its receipt
/// is read back. Per account one task sends in nonce order and another reads receipts in the same
/// order, with at most <c>window</c> transactions unconfirmed: Anvil 1.7 stopped mining here with
/// ~3,000 transactions pending, and a production node's pool limits each sender anyway.
/// </summary>
internal static class AnchorThroughput
{
    public static async Task RunAsync(int accounts, int transactions, int window)
    {
        await using var anvil = await AnvilNode.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 });
        var gateway = await EvmGateway.ConnectAsync(new JsonRpcClient(http, anvil.RpcUrl), CancellationToken.None);
        var adminKey = Secp256k1Key.Generate();
        await anvil.FundAsync(adminKey.Address);
        var registry = await TraceRegistryClient.DeployAsync(gateway, EvmIdentity.From(adminKey), CancellationToken.None);

        var orgs = new List<EvmIdentity>();
        for (var i = 0; i < accounts; i++)
        {
            var key = Secp256k1Key.Generate();
            await anvil.FundAsync(key.Address);
            await registry.RegisterOrgAsync(EvmIdentity.From(adminKey), key.Address, OrgRole.Producer, $"bench-{i}", CancellationToken.None);
            orgs.Add(EvmIdentity.From(key));
        }

        await RunRoundAsync(registry, orgs, Math.Min(200, transactions), window); // warm-up: JIT, connections
        var (elapsed, latencies) = await RunRoundAsync(registry, orgs, transactions, window);

        latencies.Sort();
        Console.WriteLine($"anchor transactions: {latencies.Count} from {accounts} accounts ({window} in flight each) in {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"  throughput       {latencies.Count / elapsed.TotalSeconds:0} tx/s (sign + send + receipt)");
        Console.WriteLine($"  latency p50      {Percentile(latencies, 0.50):0.0} ms (send → receipt read)");
        Console.WriteLine($"  latency p99      {Percentile(latencies, 0.99):0.0} ms");
    }

    private static async Task<(TimeSpan Elapsed, List<double> LatenciesMs)> RunRoundAsync(TraceRegistryClient registry, List<EvmIdentity> orgs, int transactions, int window)
    {
        var perAccount = transactions / orgs.Count;
        var latencies = new List<double>(transactions);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(orgs.Select(async org =>
        {
            var sent = Channel.CreateUnbounded<(SubmittedTransaction Tx, TimeSpan Started)>();
            using var inFlight = new SemaphoreSlim(window);
            var send = Task.Run(async () =>
            {
                for (var i = 0; i < perAccount; i++)
                {
                    await inFlight.WaitAsync();
                    var started = clock.Elapsed;
                    var submitted = await registry.SubmitAnchorAsync(org, RandomNumberGenerator.GetBytes(32), 1, CancellationToken.None);
                    await sent.Writer.WriteAsync((submitted, started));
                }
                sent.Writer.Complete();
            });
            var mine = new List<double>(perAccount);
            await foreach (var (tx, started) in sent.Reader.ReadAllAsync())
            {
                await tx.GetCommitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
                inFlight.Release();
            }
            await send;
            lock (latencies) latencies.AddRange(mine);
        }));
        return (clock.Elapsed, latencies);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
}
