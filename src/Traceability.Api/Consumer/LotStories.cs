using System.Globalization;
using System.Text.Json.Nodes;
using Traceability.Api.Anchoring;
using Traceability.Api.Genealogy;
using Traceability.Ledger;
using Traceability.Domain.Consumer;
using Traceability.Domain.Custody;
using Traceability.Domain.Trust;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Genealogy;
using Traceability.Domain.Gs1;
using Traceability.Domain.Lab;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Consumer;

/// <summary>
/// Builds a lot's consumer story: the lot, everything it was made from (backwards through transformations),
/// and the cases and pallets it travelled in, read from the index and the store; every event shown as its
/// anchored consumer view.
/// </summary>
public sealed class LotStories(
    ITraceStore store, LotIndex index, EventProofs proofs, ILedger ledger, StoryVersion version,
    Organisations.OrganisationDirectory directory)
{
    /// <summary>Enough for any real label; a lot with more history shows its most recent events.</summary>
    public const int MaxEvents = 500;
    private const int MaxCached = 10_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Version, LotStory? Story)> _cache = new(StringComparer.Ordinal);

    /// <summary>The story, from the cache while no write has happened since it was built; null for an unknown lot.</summary>
    public async Task<LotStory?> GetAsync(GtinLink link, string publicBase, CancellationToken cancellationToken)
    {
        var key = publicBase + link.Path;
        var current = version.Current;
        if (_cache.TryGetValue(key, out var cached) && cached.Version == current) return cached.Story;
        var story = await BuildAsync(link, publicBase, cancellationToken);
        // A story that still waits for anchors is not kept: its proofs change without a write we count.
        if (story is null || story.Events.All(e => e.Proof.Status == "anchored"))
        {
            if (_cache.Count >= MaxCached) _cache.Clear();
            _cache[key] = (current, story);
        }
        return story;
    }

    public async Task<LotStory?> BuildAsync(GtinLink link, string publicBase, CancellationToken cancellationToken)
    {
        var lotKey = link.Path;
        if (!(await store.GetLotsAsync([lotKey], cancellationToken)).TryGetValue(lotKey, out var lot)) return null;
        await index.Loaded.WaitAsync(cancellationToken);

        var backward = index.Graph.Trace(lotKey, TraceDirection.Backward);
        var upstream = backward.Lots;
        var containers = index.Graph.Trace(lotKey, TraceDirection.Forward).Lots.Where(k => k.StartsWith("/00/", StringComparison.Ordinal));
        var keys = upstream.Where(k => !k.StartsWith("/00/", StringComparison.Ordinal)).Concat(containers).Prepend(lotKey).Distinct().ToList();
        var (events, omitted) = await EventsAsync(keys, cancellationToken);
        var states = await store.GetLotsAsync(keys.Where(k => k.StartsWith("/01/", StringComparison.Ordinal)).ToList(), cancellationToken);
        var orgs = await directory.GetAsync(cancellationToken);
        var byGln = orgs.ByGln;
        events = OnThePath(events, lotKey, backward);
        var products = await store.GetProductsAsync(keys.Select(Identifiers.SplitLot).OfType<(string Gtin, string Lot)>().Select(p => p.Gtin).Distinct().ToList(), cancellationToken);

        var product = products.GetValueOrDefault(link.Gtin.Value);
        var creator = events.FirstOrDefault(e => e.Stored.EventId == lot.FirstEventId);
        var producer = creator is null ? null : Party(orgs.Get(creator.Stored.OrgId));
        var production = creator?.Event.EventTime.InZone(Offset(creator.Event.EventTimeZoneOffset));
        // The transformation that made a lot in this lot's chain is about the lot it made, not its first input.
        var madeBy = backward.Edges.Where(e => e.Kind == EdgeKind.Transformation).GroupBy(e => e.EventId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.To).FirstOrDefault(keys.Contains) ?? g.First().To, StringComparer.Ordinal);

        var verifiable = new List<VerifiableEvent>();
        var journey = new List<StoryStep>();
        var labResults = new List<StoryLabResult>();
        var proofsById = await proofs.GetViewProofsAsync(events.Select(e => (e.Stored.EventId, e.ViewId)).ToList(), cancellationToken);
        foreach (var e in events.OrderBy(e => e.Event.EventTime))
        {
            verifiable.Add(new VerifiableEvent(e.View, proofsById.GetValueOrDefault(e.Stored.EventId) ?? EventProof.Pending(e.ViewId)));
            var writer = orgs.Get(e.Stored.OrgId);
            var by = Party(writer);
            var subject = madeBy.GetValueOrDefault(e.Stored.EventId) ?? e.Stored.LotKeys.FirstOrDefault(keys.Contains) ?? lotKey;
            journey.Add(new StoryStep(Kind(e.Event, writer?.Role), Cbv.ShortName(e.Event.BizStep ?? "") ?? "", e.Event.EventTime, e.Event.EventTimeZoneOffset, by,
                Place(e.Event.BizLocation, byGln), Place(e.Event.Destinations.FirstOrDefault()?.Id, byGln), LotStoryText.Subject(subject), e.ViewId)
            {
                SubjectName = Identifiers.SplitLot(subject) is var (g, _) ? products.GetValueOrDefault(g)?.Name : null,
                SubjectLot = Identifiers.SplitLot(subject)?.Lot is { } l ? Uri.UnescapeDataString(l) : null,
                SubjectSscc = subject.StartsWith("/00/", StringComparison.Ordinal) ? subject[4..] : null,
            });
            // Only a laboratory's own events are read as lab results: the guard at capture and this agree.
            if (writer?.Role == Traceability.Domain.Organisations.OrgRole.Lab && LabResult.TryRead(e.Event.Json, out var result))
                labResults.Add(Lab(result, by ?? new StoryParty(e.Stored.OrgId, null), e.ViewId));
        }

        var recalls = new List<StoryRecall>();
        var onChain = await RecallOnChainAsync(lotKey, cancellationToken);
        foreach (var r in await store.GetRecallsForLotAsync(lotKey, cancellationToken))
            recalls.Add(new StoryRecall(r.Id, r.Reason, r.Classification.ToString(), r.CreatedAt, r.TxHashes, onChain, r.Lifted?.At, r.Lifted?.Reason));

        var origin = events.Where(e => e.Event.Type == EventType.ObjectEvent && e.Event.Action == "ADD" && e.Event.BizLocation is not null)
            .OrderBy(e => e.Event.EventTime).Select(e => Place(e.Event.BizLocation, byGln)).FirstOrDefault();
        return new LotStory(
            link.Gtin.Value,
            link.Lot!.Value,
            $"{publicBase}{lotKey}",
            product is null ? null : new StoryProduct(product.Name, product.Brand, product.Description, product.CountryOfOrigin, product.NetContent),
            producer,
            origin is null ? null : origin with { Country = product?.CountryOfOrigin },
            production?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            BestBefore(creator?.Event, production, product),
            states.Values.Any(s => s.NonConformant),
            onChain?.Active == true || recalls.Any(r => r.Active), // either source saying "recalled" is enough to warn
            recalls,
            labResults,
            journey,
            verifiable,
            LedgerInfo())
        {
            OmittedEvents = omitted,
        };
    }

    private sealed record Loaded(StoredEvent Stored, EpcisEvent Event, JsonObject View, string ViewId);

    /// <summary>Bytes of consumer views one page may carry; a lot whose history is wider shows its most recent records.</summary>
    public const int MaxViewBytes = 1_000_000;

    /// <summary>
    /// The lot's events of record, newest first up to <see cref="MaxEvents"/> and <see cref="MaxViewBytes"/>: a third
    /// party's observations and events declared in error are no part of a lot's story. Returns how many were left off.
    /// </summary>
    private async Task<(List<Loaded> Events, int Omitted)> EventsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredEvent>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(100))
        {
            var query = new EventQuery { LotKeys = chunk, PerPage = 1000 };
            while (true)
            {
                var page = await store.QueryEventsAsync(query, cancellationToken);
                foreach (var e in page.Events)
                    if (e.Standing.IsOfRecord() && !e.Declared) found.TryAdd(e.EventId, e);
                if (page.NextAfterSequence is not { } next || found.Count > 10 * MaxEvents) break;
                query = query with { AfterSequence = next };
            }
        }
        var loaded = new List<Loaded>();
        var bytes = 0;
        foreach (var e in found.Values.OrderByDescending(e => e.Sequence))
        {
            if (loaded.Count >= MaxEvents) break;
            var json = (JsonObject)JsonNode.Parse(e.Json)!;
            var view = ConsumerView.Of(json);
            var size = view.ToJsonString().Length;
            if (bytes + size > MaxViewBytes) continue;
            bytes += size;
            loaded.Add(new Loaded(e, EpcisEvent.FromJson(json), view, view["eventID"]!.GetValue<string>()));
        }
        return (loaded, found.Count - loaded.Count);
    }

    /// <summary>
    /// Of the events of the lots this lot was made from, those on the way to this lot: not the transformations that
    /// made their other lots (a sibling's production run), nor what happened to them after they went into this chain.
    /// </summary>
    private static List<Loaded> OnThePath(List<Loaded> events, string lotKey, TraceResult backward)
    {
        var chain = backward.Edges.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        var consumedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in events.Where(e => e.Event.Type == EventType.TransformationEvent && chain.Contains(e.Stored.EventId)))
            foreach (var edge in backward.Edges.Where(x => x.EventId == e.Stored.EventId && x.Kind == EdgeKind.Transformation))
                consumedAt[edge.From] = consumedAt.TryGetValue(edge.From, out var t) && t > e.Event.EventTime ? t : e.Event.EventTime;
        return events.Where(e =>
        {
            if (e.Stored.LotKeys.Contains(lotKey)) return true;
            if (e.Event.Type == EventType.TransformationEvent) return chain.Contains(e.Stored.EventId);
            // A test or a regulator's finding about an ingredient matters whenever it came.
            if (e.Stored.Standing is EventStanding.Inspector or EventStanding.Regulator) return true;
            var upstream = e.Stored.LotKeys.Where(consumedAt.ContainsKey).ToList();
            return upstream.Count == 0 || upstream.Any(k => e.Event.EventTime <= consumedAt[k]);
        }).ToList();
    }

    /// <summary>The step's kind for the timeline; a shop receiving the goods is where the shopper meets them ("shop").</summary>
    private static string Kind(EpcisEvent e, Traceability.Domain.Organisations.OrgRole? writer) => (e.Type, Cbv.ShortName(e.BizStep ?? "")) switch
    {
        (_, "receiving" or "arriving" or "accepting") when writer == Traceability.Domain.Organisations.OrgRole.Retailer => "shop",
        (EventType.TransformationEvent, _) => "processing",
        (_, "inspecting") => "inspection",
        (EventType.AggregationEvent, _) or (_, "packing") => "packing",
        (_, "shipping" or "departing" or "transporting") => "transport",
        (_, "receiving" or "arriving" or "accepting") => "receiving",
        (_, "retail_selling" or "stocking") => "shop",
        (_, "commissioning" or "harvesting" or "creating_class_instance") => "harvest",
        _ => "other",
    };

    private static StoryParty? Party(Organisation? org) => org is null ? null : new StoryParty(org.Name, org.Gln);

    private static StoryPlace? Place(string? id, IReadOnlyDictionary<string, Organisation> byGln)
    {
        if (id is null) return null;
        var gln = id.Split('/') is [.., "414" or "417", var g] ? g : id.Split('/') is [.., "414" or "417", var g2, "254", _] ? g2 : null;
        if (gln is null) return null;
        return new StoryPlace(byGln.GetValueOrDefault(gln)?.Name, gln, null);
    }

    private static StoryLabResult Lab(LabResult r, StoryParty lab, string viewId) => new(
        r.Analyte.Name,
        r.Analyte.InchiKey?.Value,
        r.Method.Value,
        r.Measured is { } m ? m.ToString() : LabWords.ToWord(r.Qualitative!.Value),
        r.Limit is { } l ? $"{l.Value.ToString(CultureInfo.InvariantCulture)} {l.Unit.Symbol}" : null,
        r.Limit?.Source,
        LabWords.ToWord(r.Verdict),
        r.ReferenceMaterial.Value,
        r.TestedAt,
        lab,
        r.Certifications,
        viewId);

    private static string? BestBefore(EpcisEvent? creator, DateTimeOffset? production, Product? product)
    {
        if (creator?.Json["ilmd"] is JsonObject ilmd)
            foreach (var (name, value) in ilmd)
                if ((name.EndsWith("bestBeforeDate", StringComparison.Ordinal) || name.EndsWith("itemExpirationDate", StringComparison.Ordinal))
                    && value is JsonValue v && v.TryGetValue<string>(out var date))
                    return date.Length >= 10 ? date[..10] : date;
        return production is { } p && product?.ShelfLifeDays is { } days && p.Year < 9990
            ? p.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    private async Task<StoryRecallOnChain?> RecallOnChainAsync(string lotKey, CancellationToken cancellationToken)
    {
        if (ledger.Identity is null) return null;
        try
        {
            var record = await ledger.RecallOfAsync(lotKey, cancellationToken);
            return record.At is { } at
                ? new StoryRecallOnChain(record.Active, record.By ?? "", at, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lotKey))))
                : null;
        }
        catch (Traceability.Ledger.Gateway.LedgerException)
        {
            return null; // the page still shows the stored recall; the ledger's answer is a bonus
        }
    }

    private StoryLedger? LedgerInfo() => ledger.Identity is { } id
        ? new StoryLedger(id.Kind, id.Kind == "evm" && long.TryParse(id.Network, out var chain) ? chain : 0, id.Contract, id.PublicEndpoint)
        {
            Network = id.Network,
        }
        : null;

    private static TimeSpan Offset(string text) =>
        text.Length == 6 && TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var t)
            ? (text[0] == '-' ? -t : t) : TimeSpan.Zero;
}
