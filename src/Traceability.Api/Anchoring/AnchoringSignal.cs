using System.Threading.Channels;

namespace Traceability.Api.Anchoring;

/// <summary>Capture's nudge to the worker: new events are pending, a full batch may be ready.</summary>
public sealed class AnchoringSignal
{
    // One slot: many nudges while the worker is busy collapse into one wake-up.
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a nudge or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // timeout: time to look for batches that became due
        }
    }
}
