using System.Diagnostics;
using System.Security.Cryptography;
using Grpc.Net.Client;
using Traceability.Fabric;
using Traceability.Ledger.Merkle;
using Traceability.Testing;

namespace Traceability.Bench;

/// <summary>
/// Anchoring on a real Fabric network (network/fabric, started here in a temporary folder): batches of up to
/// <c>batch</c> event hashes, one AnchorRoot(root, count) per RFC 6962 root, against one AnchorRoot per event,
/// with the same number of transactions in flight, split between the two peer organisations' gateways.
/// A transaction counts when its commit status (VALID) has been read back.
/// </summary>
internal static class FabricAnchoring
{
    public static async Task RunAsync(int events, int perEventEvents, int batch, int concurrency)
    {
        if (FabricNetwork.SkipReason is { } reason) throw new InvalidOperationException(reason);
        Console.WriteLine("starting the Fabric network …");
        await using var network = await FabricNetwork.StartAsync(environment: new Dictionary<string, string> { ["FABRIC_LOGGING_SPEC"] = "warning" });
        var connections = new[] { "Org1MSP", "Org2MSP" }.Select(msp => Connect(network, msp)).ToList();
        try
        {
            var contracts = connections.Select(c => c.Gateway.GetNetwork(network.Description.Channel).GetContract(network.Description.Chaincode)).ToList();
            await contracts[0].SubmitTransactionAsync("RegisterOrg", ["Org1MSP", "Regulator", "bench-1"]);
            await contracts[0].SubmitTransactionAsync("RegisterOrg", ["Org2MSP", "Producer", "bench-2"]);

            await RunModeAsync(contracts, Math.Min(2_000, events), batch, concurrency, quiet: true); // warm-up: JIT, connections, chaincode
            var batched = await RunModeAsync(contracts, events, batch, concurrency, quiet: false);
            var single = await RunModeAsync(contracts, perEventEvents, 1, concurrency, quiet: false);
            Console.WriteLine($"batched ÷ per event: {batched / single:0.0}×");
        }
        finally
        {
            foreach (var (channel, gateway) in connections) { gateway.Dispose(); channel.Dispose(); }
        }
    }

    private static (GrpcChannel Channel, Gateway Gateway) Connect(FabricNetwork network, string mspId)
    {
        var org = network.Organisation(mspId);
        var channel = GatewayChannels.Create(org.PeerEndpoint, org.TlsCaFile);
        return (channel, Gateway.Connect(new GatewayOptions
        {
            Client = channel,
            Identity = Identity.FromCertificateFile(mspId, org.User.CertificateFile),
            Signer = Signers.FromPrivateKeyFile(org.User.PrivateKeyFile),
        }));
    }

    /// <summary>Anchors <paramref name="events"/> random event hashes in roots of up to <paramref name="batch"/> leaves; returns events/s.</summary>
    private static async Task<double> RunModeAsync(IReadOnlyList<Contract> contracts, int events, int batch, int concurrency, bool quiet)
    {
        var transactions = (events + batch - 1) / batch;
        var latencies = new double[transactions];
        var next = -1;
        var invalid = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var contract = contracts[worker % contracts.Count];
            for (var i = Interlocked.Increment(ref next); i < transactions; i = Interlocked.Increment(ref next))
            {
                var count = Math.Min(batch, events - i * batch);
                var leaves = Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetBytes(32)).ToList();
                var started = clock.Elapsed;
                var root = Convert.ToHexStringLower(MerkleTree.Build(leaves).Root);
                var submitted = await contract.SubmitAsync("AnchorRoot", new ProposalOptions { Arguments = [root, count.ToString(System.Globalization.CultureInfo.InvariantCulture)] });
                if (!(await submitted.GetStatusAsync()).Successful) Interlocked.Increment(ref invalid);
                latencies[i] = (clock.Elapsed - started).TotalMilliseconds;
            }
        }));
        var elapsed = clock.Elapsed;
        var rate = events / elapsed.TotalSeconds;
        if (quiet) return rate;
        Array.Sort(latencies);
        Console.WriteLine($"{(batch == 1 ? "one transaction per event" : $"batches of up to {batch} events")}: {events:N0} events in {transactions:N0} transactions, {concurrency} in flight, {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"  anchored        {rate:N0} events/s ({transactions / elapsed.TotalSeconds:0} tx/s){(invalid > 0 ? $"; {invalid} invalidated" : "")}");
        Console.WriteLine($"  latency p50     {Percentile(latencies, 0.50):0} ms (root built → commit status read)");
        Console.WriteLine($"  latency p99     {Percentile(latencies, 0.99):0} ms");
        return rate;
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
}
