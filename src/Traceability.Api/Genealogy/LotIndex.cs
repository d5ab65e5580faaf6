using Traceability.Domain.Genealogy;
using Traceability.Storage;

namespace Traceability.Api.Genealogy;

/// <summary>
/// The lot genealogy index of this process: loaded from the store at start, then kept current by
/// capture after every write, so traces never touch the database.
/// </summary>
public sealed class LotIndex(IEventStore store, IChangeFeed changes, ILogger<LotIndex> logger) : BackgroundService
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LotGraph Graph { get; } = new();

    /// <summary>Completes once every stored event is in the index.</summary>
    public Task Loaded => _loaded.Task;

    public bool IsLoaded => _loaded.Task.IsCompletedSuccessfully;

    /// <summary>The store's change position taken just before loading: following other instances starts there.</summary>
    public long LoadedFromChange { get; private set; }

    /// <summary>
    /// Adds stored events read back from the store (idempotent, so a race with capture is harmless). Third parties'
    /// events are their writers' records, not links in any lot's chain, and declared ones link nothing.
    /// </summary>
    public void Add(IEnumerable<StoredEvent> events)
    {
        foreach (var e in events)
            if (e.Standing != Domain.Trust.EventStanding.ThirdParty && !e.Declared) Graph.Add(e.EventId, GenealogyEvent.FromJson(e.Json));
    }

    /// <summary>Adds freshly captured events from the model capture already built (no second parse).</summary>
    public void Add(IEnumerable<(string EventId, Domain.Epcis.Model.EpcisEvent Event)> events)
    {
        foreach (var (id, e) in events) Graph.Add(id, e);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = DateTime.UtcNow;
            LoadedFromChange = await changes.LatestChangeAsync(stoppingToken);
            var query = new EventQuery { PerPage = EventQuery.MaxPerPage };
            long count = 0;
            while (true)
            {
                var page = await store.QueryEventsAsync(query, stoppingToken);
                Add(page.Events);
                count += page.Events.Count;
                if (page.NextAfterSequence is not { } next) break;
                query = query with { AfterSequence = next };
            }
            _loaded.TrySetResult();
            logger.LogInformation("lot index loaded: {Events} events, {Nodes} nodes, {Edges} edges, about {Megabytes} MB in {Seconds:0.0} s",
                count, Graph.NodeCount, Graph.EdgeCount, Graph.EstimatedBytes / 1_000_000, (DateTime.UtcNow - started).TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _loaded.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "loading the lot index failed");
            _loaded.TrySetException(ex);
        }
    }

    public override void Dispose()
    {
        Graph.Dispose();
        base.Dispose();
    }
}
