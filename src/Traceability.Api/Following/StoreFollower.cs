using Traceability.Api.Genealogy;
using Traceability.Storage;

namespace Traceability.Api.Following;

/// <summary>
/// Keeps this instance current with what other API instances sharing the store write: it follows the store's change
/// feed, adds their new events to the lot index, retracts events they declared in error, and invalidates the page
/// cache on any change. This instance's own writes are applied at once by capture and skipped here.
/// </summary>
/// <remarks>
/// A change feed rather than notifications: it needs nothing but the store, survives restarts (the index is reloaded
/// and following starts from the position taken just before loading), and is the same on SQLite and MongoDB.
/// </remarks>
public sealed class StoreFollower(
    IChangeFeed changes, IEventStore events, LotIndex index, Consumer.StoryVersion stories, TimeProvider clock, ILogger<StoreFollower> logger)
    : BackgroundService
{
    /// <summary>How often the feed is read; what another instance wrote shows here within about this long.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a gap in the sequence is awaited (a write that took its number but has not committed yet).</summary>
    public static readonly TimeSpan GapWait = TimeSpan.FromSeconds(5);

    private long _position;

    /// <summary>The last change applied.</summary>
    public long Position => Interlocked.Read(ref _position);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.Loaded.WaitAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return; // the index did not load; its own log says why
        }
        _position = index.LoadedFromChange;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await FollowOnceAsync(stoppingToken)) { }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("following the store failed: {Error}; retrying", ex.Message);
            }
            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Applies the next changes; true when a full page was applied (read again at once).</summary>
    public async Task<bool> FollowOnceAsync(CancellationToken cancellationToken)
    {
        const int Page = 500;
        var batch = await changes.ReadChangesAsync(Position, Page, cancellationToken);
        var applied = 0;
        foreach (var change in batch)
        {
            // A number taken by a write that has not committed yet: wait for it, unless it was abandoned long ago.
            if (change.Seq != Position + 1 && clock.GetUtcNow() - change.At < GapWait) break;
            if (change.Instance != changes.InstanceId) await ApplyAsync(change, cancellationToken);
            Interlocked.Exchange(ref _position, change.Seq);
            applied++;
        }
        return applied == Page;
    }

    private async Task ApplyAsync(StoreChange change, CancellationToken cancellationToken)
    {
        switch (change.Kind)
        {
            case "events" when change.FirstEvent is { } first && change.LastEvent is { } last:
                var query = new EventQuery { AfterSequence = first - 1, PerPage = EventQuery.MaxPerPage };
                while (true)
                {
                    var page = await events.QueryEventsAsync(query, cancellationToken);
                    index.Add(page.Events.Where(e => e.Sequence <= last));
                    if (page.NextAfterSequence is not { } next || next >= last) break;
                    query = query with { AfterSequence = next };
                }
                break;
            case "declared" when change.Subject is { } eventId:
                index.Graph.Retract(eventId);
                break;
        }
        stories.Bump();
    }
}
