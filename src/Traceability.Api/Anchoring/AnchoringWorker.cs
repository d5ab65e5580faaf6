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
/// With several API instances on one store, an organisation's anchoring runs on one instance at a time: the one
/// holding its lease (<see cref="LeaseTime"/>, renewed every pass). An instance that takes a lease over first
/// settles what the previous holder recorded.
/// </summary>
public sealed class AnchoringWorker(
    IAnchorStore store, ILeaseStore leases, IChangeFeed instance, ILedger ledger, BatchAnchorer anchorer, AnchoringSignal signal,
    IOptions<TraceOptions> options, TimeProvider clock, ILogger<AnchoringWorker> logger) : BackgroundService
{
    /// <summary>How long an organisation's anchoring stays with an instance that stopped renewing (crashed).</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(60);

    // Organisations whose lease this instance held on its last pass: no settling needed for them.
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);

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
                    lock (_held) _held.Clear(); // settle every organisation again as its lease is (re)taken
                    settled = true;
                }
                await SettleRecordedBatchesAsync(stoppingToken);
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

    /// <summary>Settles every organisation with recorded, unanchored batches whose lease this instance can take.</summary>
    private async Task SettleRecordedBatchesAsync(CancellationToken cancellationToken)
    {
        foreach (var orgId in (await store.GetUnanchoredBatchesAsync(cancellationToken)).Select(b => b.OrgId).Distinct())
            await EnsureSettledAsync(orgId, cancellationToken);
    }

    /// <summary>
    /// Whether this instance anchors the organisation now. When it has just taken the lease (at start, after an
    /// outage, or over from an instance that stopped), it first completes the recorded batches the chain already has
    /// and sends the others again.
    /// </summary>
    private async Task<bool> EnsureSettledAsync(string orgId, CancellationToken cancellationToken)
    {
        lock (_held)
            if (_held.Contains(orgId)) return true;
        if (!await TakeLeaseAsync(orgId, cancellationToken)) return false;
        var recorded = (await store.GetUnanchoredBatchesAsync(cancellationToken)).Where(b => b.OrgId == orgId).ToList();
        if (recorded.Count > 0) logger.LogInformation("settling {Count} recorded anchor batches of {Org}", recorded.Count, orgId);
        var inFlight = new List<(AnchorBatch, AnchorSubmission)>();
        foreach (var batch in recorded)
        {
            if (await anchorer.TryCompleteFromChainAsync(batch, cancellationToken)) continue;
            inFlight.Add((batch, await anchorer.SendAsync(batch, cancellationToken)));
        }
        foreach (var (batch, submitted) in inFlight) await anchorer.CommitAsync(batch, submitted, cancellationToken);
        lock (_held) _held.Add(orgId);
        return true;
    }

    private async Task<bool> TakeLeaseAsync(string orgId, CancellationToken cancellationToken)
    {
        var taken = await leases.TryAcquireLeaseAsync($"anchoring:{orgId}", instance.InstanceId, LeaseTime, cancellationToken);
        if (!taken) lock (_held) _held.Remove(orgId);
        return taken;
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
        // Renew the lease (another instance may anchor this organisation), settling first if it was just taken.
        if (!await TakeLeaseAsync(backlog.OrgId, cancellationToken) || !await EnsureSettledAsync(backlog.OrgId, cancellationToken)) return;
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
