using System.Text.Json.Nodes;
using Traceability.Api.Genealogy;
using Traceability.Domain;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Fsma;
using Traceability.Domain.Genealogy;
using Traceability.Storage;

namespace Traceability.Api.Exports;

/// <summary>What a regulator asked for: a period (either end open), and either one GTIN or one lot (its lot key).</summary>
public sealed record Fsma204Query(DateTimeOffset? From, DateTimeOffset? To, string? Gtin, string? LotKey);

/// <summary>
/// Reads the stored events an FSMA 204 export needs and keeps the rows asked for. For a period: the events of the
/// period, plus every event about the lots and logistic units they name (whenever it happened), because those say
/// where each lot's code was assigned, what was on a pallet, which shipment a receipt answers and where a harvest
/// went next. For one lot: the lot traced both ways through transformations and pallets (the in-memory index), and
/// every event about the lots and units reached; the rows are those of the traced lots.
/// </summary>
public sealed class Fsma204Selection(ITraceStore store, LotIndex index)
{
    /// <summary>A regulator's request must stay answerable in one go; larger ones are asked in parts.</summary>
    public const int MaxEvents = 200_000;

    private const int KeysPerQuery = 500;
    private const int ContainerRounds = 4;

    /// <summary>
    /// The one rule for which stored events the export reads, as rows and as context (pallet contents, matching
    /// shipments, lot code sources): events declared in error are left out. Further conditions on the stored event
    /// (e.g. leaving out third-party events) belong here and nowhere else.
    /// </summary>
    public static bool Counts(StoredEvent stored, EpcisEvent evt) =>
        !evt.HasErrorDeclaration && stored.Standing != Domain.Trust.EventStanding.ThirdParty && !stored.Declared;

    public async Task<IReadOnlyList<Fsma204Row>> RowsAsync(Fsma204Query query, CancellationToken cancellationToken)
    {
        var loaded = new Dictionary<string, StoredEvent>(StringComparer.Ordinal);
        HashSet<string>? tracedLotCodes = null;
        if (query.LotKey is { } lotKey)
        {
            await index.Loaded.WaitAsync(cancellationToken);
            var trace = index.Graph.Trace(lotKey, TraceDirection.Both);
            if (trace.Truncated)
                throw TraceError.Invalid("export-too-large", "lot", $"the lot reaches more than {LotGraph.DefaultMaxNodes} lots and units; ask for a period instead");
            var keys = trace.Lots.Prepend(lotKey).Distinct(StringComparer.Ordinal).ToList();
            await LoadAsync(new EventQuery(), keys, loaded, cancellationToken);
            if (!loaded.Values.Any(e => e.LotKeys.Contains(lotKey)))
                throw TraceError.NotFound("unknown-lot", $"no event about lot {lotKey} is stored here");
            tracedLotCodes = keys.Where(k => Identifiers.SplitLot(k) is not null).Select(Fsma204Export.TraceabilityLotCode).ToHashSet(StringComparer.Ordinal);
        }
        else
        {
            await LoadPeriodAsync(query, loaded, cancellationToken);
            await LoadContextAsync(loaded, cancellationToken);
        }

        var recorded = await RecordedAsync(loaded.Values, cancellationToken);
        var products = await ProductDescriptionsAsync(loaded.Values, cancellationToken);
        var names = (await store.ListOrganisationsAsync(cancellationToken)).Where(o => o.Gln is not null)
            .GroupBy(o => o.Gln!).ToDictionary(g => g.Key, g => g.First().Name);
        var gtinCode = query.Gtin is null ? null : $"(01){query.Gtin}(10)";
        return Fsma204Export.Rows(recorded, g => products.GetValueOrDefault(g), gln => names.GetValueOrDefault(gln))
            .Where(r => (query.From is null || r.EventTime >= query.From) && (query.To is null || r.EventTime < query.To))
            .Where(r => tracedLotCodes?.Contains(r.TraceabilityLotCode) ?? gtinCode is null || r.TraceabilityLotCode.StartsWith(gtinCode, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>The period's events; with a GTIN only those about one of its lots or about a logistic unit (which may carry them).</summary>
    private async Task LoadPeriodAsync(Fsma204Query query, Dictionary<string, StoredEvent> loaded, CancellationToken cancellationToken)
    {
        var lotPrefix = query.Gtin is null ? null : $"/01/{query.Gtin}/";
        var page = new EventQuery { GeEventTime = query.From, LtEventTime = query.To, PerPage = EventQuery.MaxPerPage };
        while (true)
        {
            var result = await store.QueryEventsAsync(page, cancellationToken);
            foreach (var e in result.Events)
                if (lotPrefix is null || e.LotKeys.Any(k => k.StartsWith(lotPrefix, StringComparison.Ordinal) || k.StartsWith("/00/", StringComparison.Ordinal)))
                    Add(loaded, e);
            if (result.NextAfterSequence is not { } next) return;
            page = page with { AfterSequence = next };
        }
    }

    /// <summary>
    /// Every event about the lots and units the loaded events name, then, a few rounds deep, about what the pallets
    /// among them held (cases on pallets, the lots on those).
    /// </summary>
    private async Task LoadContextAsync(Dictionary<string, StoredEvent> loaded, CancellationToken cancellationToken)
    {
        var fetched = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<StoredEvent> frontier = loaded.Values.ToList();
        for (var round = 0; round <= ContainerRounds; round++)
        {
            var keys = frontier.SelectMany(e => e.LotKeys).Where(fetched.Add).ToList();
            if (keys.Count == 0) return;
            var before = loaded.Keys.ToHashSet(StringComparer.Ordinal);
            await LoadAsync(new EventQuery(), keys, loaded, cancellationToken);
            frontier = loaded.Values.Where(e => !before.Contains(e.EventId) && e.EventType == nameof(EventType.AggregationEvent)).ToList();
        }
    }

    private async Task LoadAsync(EventQuery template, IReadOnlyList<string> keys, Dictionary<string, StoredEvent> loaded, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(KeysPerQuery))
        {
            var page = template with { LotKeys = chunk, PerPage = EventQuery.MaxPerPage };
            while (true)
            {
                var result = await store.QueryEventsAsync(page, cancellationToken);
                foreach (var e in result.Events) Add(loaded, e);
                if (result.NextAfterSequence is not { } next) break;
                page = page with { AfterSequence = next };
            }
        }
    }

    private static void Add(Dictionary<string, StoredEvent> loaded, StoredEvent e)
    {
        loaded.TryAdd(e.EventId, e);
        if (loaded.Count > MaxEvents)
            throw TraceError.Invalid("export-too-large", "from", $"the export needs more than {MaxEvents} events; ask for a shorter period, one GTIN or one lot");
    }

    private async Task<List<RecordedEvent>> RecordedAsync(IEnumerable<StoredEvent> events, CancellationToken cancellationToken)
    {
        var organisations = (await store.ListOrganisationsAsync(cancellationToken)).ToDictionary(o => o.Id);
        var recorded = new List<RecordedEvent>();
        foreach (var stored in events)
        {
            var evt = EpcisEvent.FromJson((JsonObject)JsonNode.Parse(stored.Json)!);
            if (!Counts(stored, evt)) continue;
            var org = organisations.GetValueOrDefault(stored.OrgId);
            recorded.Add(new RecordedEvent(evt, org?.Name ?? stored.OrgId, org?.Gln, stored.EventId));
        }
        return recorded;
    }

    private async Task<Dictionary<string, string?>> ProductDescriptionsAsync(IEnumerable<StoredEvent> events, CancellationToken cancellationToken)
    {
        var products = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var gtin in events.SelectMany(e => e.LotKeys).Select(Identifiers.SplitLot).OfType<(string Gtin, string Lot)>().Select(l => l.Gtin).Distinct())
            products[gtin] = await store.GetProductAsync(gtin, cancellationToken) is { } p ? ProductDescriptions.Compose(p.Name, p.Brand, p.NetContent) : null;
        return products;
    }
}
