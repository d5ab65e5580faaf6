using System.Diagnostics;
using Traceability.Cli.Demo;
using Traceability.Testing;

namespace Traceability.Bench;

/// <summary>
/// The consumer resolver under a steady load: requests start on a fixed schedule (open loop, so a slow
/// answer cannot hide the queue behind it) over at most <c>connections</c> connections, against the demo's
/// lot, once for the JSON story and once for the HTML page. Latency counts from each request's scheduled start.
/// </summary>
internal static class ResolverLoad
{
    public static async Task RunAsync(int rate, int connections, int seconds)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "trace-bench-" + Guid.NewGuid().ToString("N"));
        await using var anvil = await AnvilNode.StartAsync();
        await using var api = await ApiProcess.StartAsync(anvil.RpcUrl, dataDir);
        using (var setup = api.Client())
            await new DemoLoader(setup, ApiProcess.AdminToken, Path.Combine(dataDir, "demo"), TextWriter.Null).RunAsync(CancellationToken.None);

        const string lot = "/01/06901234100037/10/LSF-20261112";
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = api.Url };
        Console.WriteLine($"resolver: {rate} requests/s for {seconds} s over {connections} connections, demo lot {lot}");
        foreach (var (name, accept) in new[] { ("JSON", "application/json"), ("HTML", "text/html") })
        {
            await LoadAsync(http, lot, accept, rate, connections, 2); // warm-up
            var (latencies, achieved, failures) = await LoadAsync(http, lot, accept, rate, connections, seconds);
            latencies.Sort();
            Console.WriteLine($"  {name,-4}  {achieved:0} req/s  p50 {CaptureThroughput.Percentile(latencies, 0.50):0.00} ms  p99 {CaptureThroughput.Percentile(latencies, 0.99):0.00} ms  max {latencies[^1]:0.0} ms  failures {failures}");
        }
        try { Directory.Delete(dataDir, true); } catch (IOException) { }
    }

    private static async Task<(List<double> Latencies, double Achieved, int Failures)> LoadAsync(
        HttpClient http, string path, string accept, int rate, int connections, int seconds)
    {
        var total = rate * seconds;
        var latencies = new List<double>(total);
        var failures = 0;
        using var slots = new SemaphoreSlim(connections);
        var interval = Stopwatch.Frequency / (double)rate;
        var start = Stopwatch.GetTimestamp();
        var tasks = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var scheduled = start + (long)(i * interval);
            while (Stopwatch.GetTimestamp() < scheduled)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
                if (wait > TimeSpan.FromMilliseconds(2)) await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
                else Thread.SpinWait(50);
            }
            tasks.Add(SendAsync(scheduled));
        }
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (latencies, total / elapsed, failures);

        async Task SendAsync(long scheduled)
        {
            await slots.WaitAsync();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Accept.ParseAdd(accept);
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failures);
            }
            finally
            {
                slots.Release();
            }
            lock (latencies) latencies.Add(Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds);
        }
    }
}
