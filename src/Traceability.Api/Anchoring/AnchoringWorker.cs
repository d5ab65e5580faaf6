using Microsoft.Extensions.Options;
using Traceability.Ledger;
using Traceability.Ledger.Gateway;
using Traceability.Storage;

namespace Traceability.Api.Anchoring;

/// <summary>
/// Takes each organisation's pending events in batches (full batches at once, partial ones once their
/// oldest event has waited <see cref="AnchoringOptions.Interval"/>) and anchors them with that
/// organisation's key. Nothing here runs on a request path. While the chain is unreachable events stay
/// pending; when it answers again the worker first settles every recorded batch from the chain, then goes on.
/// </summary>
public sealed class AnchoringWorker(
    IAnchorStore store, ILedger ledger, BatchAnchorer anchorer, AnchoringSignal signal,
    IOptions<TraceOptions> options, TimeProvider clock, ILogger<AnchoringWorker> logger) : BackgroundService
{
    private readonly AnchoringOptions _options = options.Value.Anchoring;
    private readonly TimeSpan _retry = options.Value.Ledger.ReconnectInterval;
    private volatile string? _lastError;

    /// <summary>Why anchoring is stalled; null while it runs.</summary>
    public string? LastError => _lastError;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        var settled = false;
        var hadOutage = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (ledger.Identity is null)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                    continue;
                }
                if (!settled)
                {
                    if (hadOutage) await anchorer.ReopenLostBatchesAsync(stoppingToken);
                    await SettleRecordedBatchesAsync(stoppingToken);
                    settled = true;
                }
                var worked = await AnchorDueBatchesAsync(stoppingToken);
                _lastError = null;
                if (!worked) await signal.WaitAsync(Tick, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never let an exception stop the host: events stay pending and recorded batches are settled on the next pass.
                _lastError = ex.Message;
                settled = false;
                hadOutage = true;
                // The chain may have come back without transactions it had accepted: ask it for nonces again.
                ledger.ResetAfterOutage();
                if (ex is LedgerException or HttpRequestException or TimeoutException)
                    logger.LogWarning("anchoring paused: {Error}", ex.Message);
                else
                    logger.LogError(ex, "anchoring failed; retrying");
                await Task.Delay(_retry, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    // A quarter of the interval keeps a partial batch's wait close to the interval itself.
    private TimeSpan Tick => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(20).Ticks, _options.Interval.Ticks / 4));

    /// <summary>Completes recorded batches the chain already has and sends the others again, per organisation.</summary>
    private async Task SettleRecordedBatchesAsync(CancellationToken cancellationToken)
    {
        var unsettled = await store.GetUnanchoredBatchesAsync(cancellationToken);
        if (unsettled.Count > 0) logger.LogInformation("settling {Count} recorded anchor batches", unsettled.Count);
        foreach (var group in unsettled.GroupBy(b => b.OrgId))
        {
            var inFlight = new List<(AnchorBatch, AnchorSubmission)>();
            foreach (var batch in group)
            {
                if (await anchorer.TryCompleteFromChainAsync(batch, cancellationToken)) continue;
                inFlight.Add((batch, await anchorer.SendAsync(batch, cancellationToken)));
            }
            foreach (var (batch, submitted) in inFlight) await anchorer.CommitAsync(batch, submitted, cancellationToken);
        }
    }

    /// <summary>Anchors every due batch; false when nothing was due.</summary>
    private async Task<bool> AnchorDueBatchesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = (await store.GetPendingBacklogAsync(cancellationToken))
            .Where(b => b.Count >= _options.MaxBatch || now - b.OldestRecordTime >= _options.Interval)
            .ToList();
        if (due.Count == 0) return false;

        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (backlog, ct) => await AnchorOrganisationAsync(backlog, now, ct));
        return true;
    }

    private async Task AnchorOrganisationAsync(PendingBacklog backlog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partialAllowed = now - backlog.OldestRecordTime >= _options.Interval;
        var inFlight = new List<(AnchorBatch, AnchorSubmission)>();
        // If a send fails, batches already sent are settled from the chain on the next pass.
        while (inFlight.Count < _options.MaxInFlight)
        {
            var events = await store.GetPendingEventsAsync(backlog.OrgId, _options.MaxBatch, cancellationToken);
            if (events.Count == 0 || (events.Count < _options.MaxBatch && !partialAllowed)) break;
            var batch = await anchorer.RecordAsync(backlog.OrgId, events, cancellationToken);
            inFlight.Add((batch, await anchorer.SendAsync(batch, cancellationToken)));
            if (events.Count < _options.MaxBatch) break;
        }
        foreach (var (batch, submitted) in inFlight) await anchorer.CommitAsync(batch, submitted, cancellationToken);
    }
}
