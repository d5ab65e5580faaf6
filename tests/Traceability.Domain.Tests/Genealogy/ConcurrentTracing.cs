using Traceability.Domain.Genealogy;
using static Traceability.Domain.Tests.Genealogy.GraphSamples;

namespace Traceability.Domain.Tests.Genealogy;

public class ConcurrentTracing
{
    private const int Outputs = 8;

    [Fact]
    public async Task ReadersSeeEveryEdgeOfAnEventOrNone()
    {
        // Each event splits the shared source lot S into several new lots: edges that must appear together.
        using var graph = new LotGraph();
        const int events = 2_000;
        var torn = 0;
        var traces = 0;
        var cancel = TestContext.Current.CancellationToken;
        using var done = new CancellationTokenSource();

        // The writer starts only once both readers run, so a busy machine cannot finish it before any trace.
        var running = Enumerable.Range(0, 2).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var readers = running.Select(started => Task.Run(() =>
        {
            started.TrySetResult();
            do
            {
                var trace = graph.Trace(LotKey("S"), TraceDirection.Forward);
                if (trace.Edges.GroupBy(e => e.EventId).Any(g => g.Count() != Outputs) || trace.Lots.Count != trace.Edges.Count)
                    Interlocked.Increment(ref torn);
                Interlocked.Increment(ref traces);
            }
            while (!done.IsCancellationRequested);
        }, cancel)).ToList();
        await Task.WhenAll(running.Select(r => r.Task)).WaitAsync(cancel);
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < events; i++)
                graph.Add(EventId($"split {i}"), Transform([Lot("S")], [.. Enumerable.Range(0, Outputs).Select(o => Lot($"X{i}-{o}"))]));
        }, cancel);

        await writer;
        await done.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(0, torn);
        Assert.True(traces > 0);
        Assert.Equal(Outputs * events, graph.Trace(LotKey("S"), TraceDirection.Forward).Lots.Count);
    }
}
