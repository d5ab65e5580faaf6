using MongoDB.Bson;
using MongoDB.Driver;
using Traceability.Domain.Capture;

namespace Traceability.Storage.Mongo;

public sealed partial class MongoTraceStore
{
    private static readonly TransactionOptions AppendTransaction = new(
        readConcern: ReadConcern.Snapshot, writeConcern: WriteConcern.WMajority);

    /// <inheritdoc />
    /// <remarks>
    /// Runs in a transaction (needs a replica set). Every append that adds events increments the one
    /// counters document, so concurrent appends conflict there and the driver retries the loser: sequences
    /// are handed out and committed in the same order, and a reader never sees seq n+1 before seq n.
    /// </remarks>
    public async Task<AppendResult> AppendAsync(CaptureWrite write, CancellationToken cancellationToken)
    {
        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        return await session.WithTransactionAsync(
            (s, ct) => AppendInTransactionAsync(s, write, ct), AppendTransaction, cancellationToken);
    }

    // May run more than once (transient transaction errors are retried), so it keeps no state outside.
    private async Task<AppendResult> AppendInTransactionAsync(IClientSessionHandle session, CaptureWrite write, CancellationToken cancellationToken)
    {
        var seen = await StoredEventIdsAsync(session, write.Events, cancellationToken);
        var fresh = new List<StoredEvent>(write.Events.Count);
        var existing = new List<string>();
        foreach (var e in write.Events)
        {
            if (seen.Add(e.EventId)) fresh.Add(e);
            else existing.Add(e.EventId);
        }

        if (fresh.Count > 0)
        {
            var last = await ReserveSequencesAsync(session, fresh.Count, cancellationToken);
            var first = last - fresh.Count + 1;
            await _events.InsertManyAsync(
                session, fresh.Select((e, i) => MongoDocuments.FromEvent(e, first + i)), cancellationToken: cancellationToken);
            await QueuePendingAsync(session, fresh, first, cancellationToken);
            await RecordChangeAsync(session, "events", null, first, last, cancellationToken);
        }
        foreach (var declared in write.Declarations ?? [])
        {
            var updated = await _events.UpdateOneAsync(session, Filter.Eq("_id", declared.EventId),
                Builders<BsonDocument>.Update.Set("json", declared.Json).Set("declared", true), cancellationToken: cancellationToken);
            if (updated.MatchedCount != 1) throw new InvalidOperationException($"event {declared.EventId} declared in error is not stored");
            await RecordChangeAsync(session, "declared", declared.EventId, null, null, cancellationToken);
        }
        foreach (var lot in write.Lots) await WriteLotAsync(session, lot, cancellationToken);
        if (write.RemovedLots.Count > 0)
            await _lots.DeleteManyAsync(session, Filter.In("_id", write.RemovedLots), cancellationToken: cancellationToken);
        foreach (var (container, lots) in write.Containers)
        {
            if (lots.Count == 0) await _containers.DeleteOneAsync(session, Filter.Eq("_id", container), cancellationToken: cancellationToken);
            else await _containers.ReplaceOneAsync(session, Filter.Eq("_id", container),
                new BsonDocument { { "_id", container }, { "lot_keys", new BsonArray(lots) } }, new ReplaceOptions { IsUpsert = true }, cancellationToken);
        }
        if (fresh.Count == 0 && (write.Lots.Count > 0 || write.RemovedLots.Count > 0 || write.Containers.Count > 0))
            await RecordChangeAsync(session, "lots", null, null, null, cancellationToken);
        if (write.Job is not null)
            await _captureJobs.ReplaceOneAsync(
                session, Filter.Eq("_id", write.Job.CaptureId), MongoDocuments.FromCaptureJob(write.Job),
                new ReplaceOptions { IsUpsert = true }, cancellationToken);

        return new AppendResult(fresh.Select(e => e.EventId).ToList(), existing);
    }

    private async Task<HashSet<string>> StoredEventIdsAsync(
        IClientSessionHandle session, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        if (events.Count == 0) return stored;
        var ids = events.Select(e => e.EventId).Distinct(StringComparer.Ordinal).ToList();
        var docs = await _events.Find(session, Filter.In("_id", ids))
            .Project(Builders<BsonDocument>.Projection.Include("_id"))
            .ToListAsync(cancellationToken);
        foreach (var doc in docs) stored.Add(doc["_id"].AsString);
        return stored;
    }

    /// <summary>Adds <paramref name="count"/> to the event counter and returns the last sequence reserved.</summary>
    private async Task<long> ReserveSequencesAsync(IClientSessionHandle session, int count, CancellationToken cancellationToken)
    {
        var counter = await _counters.FindOneAndUpdateAsync(
            session,
            Filter.Eq("_id", EventsCounterId),
            Builders<BsonDocument>.Update.Inc("value", (long)count),
            new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return counter["value"].ToInt64();
    }

    /// <summary>
    /// Same rule as the SQLite adapter: a new lot is inserted (a lot that appeared meanwhile is a conflict), a stored
    /// one is updated only at the version it was read at; a conflict aborts the whole transaction.
    /// </summary>
    private async Task WriteLotAsync(IClientSessionHandle session, LotState lot, CancellationToken cancellationToken)
    {
        var fields = Builders<BsonDocument>.Update
            .Set("holder_org_id", MongoDocuments.Nullable(lot.HolderOrgId))
            .Set("pending_receiver_org_id", MongoDocuments.Nullable(lot.PendingReceiverOrgId))
            .Set("non_conformant", lot.NonConformant)
            .Set("last_event_id", lot.LastEventId)
            .Set("custodians", new BsonArray(lot.Custodians))
            .Set("non_conformant_by", new BsonArray(lot.NonConformantBy))
            .Set("pending_receivers", new BsonArray(lot.PendingReceivers));
        if (lot.Version == 0)
        {
            try
            {
                await _lots.InsertOneAsync(session, MongoDocuments.FromLot(lot), cancellationToken: cancellationToken);
            }
            catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
            {
                throw new StoreConflictException($"lot {lot.LotKey} was created meanwhile");
            }
            return;
        }
        var updated = await _lots.UpdateOneAsync(session, Filter.Eq("_id", lot.LotKey) & Filter.Eq("version", lot.Version),
            fields.Inc("version", 1L), cancellationToken: cancellationToken);
        if (updated.MatchedCount != 1) throw new StoreConflictException($"lot {lot.LotKey} changed meanwhile");
    }

    public async Task<StoredEvent?> GetEventAsync(string eventId, CancellationToken cancellationToken)
    {
        var doc = await _events.Find(Filter.Eq("_id", eventId)).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : MongoDocuments.ToEvent(doc);
    }

    public async Task<IReadOnlyDictionary<string, StoredEventFacts>> GetStoredFactsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredEventFacts>(StringComparer.Ordinal);
        if (eventIds.Count == 0) return found;
        var docs = await _events.Find(Filter.In("_id", eventIds.Distinct()))
            .Project(Builders<BsonDocument>.Projection.Include("_id").Include("org_id").Include("declared")).ToListAsync(cancellationToken);
        foreach (var d in docs)
            found[d["_id"].AsString] = new StoredEventFacts(d["_id"].AsString, d["org_id"].AsString,
                d.TryGetValue("declared", out var declared) && declared.IsBoolean && declared.AsBoolean);
        return found;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetContainerContentsAsync(
        IReadOnlyCollection<string> containers, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (containers.Count == 0) return result;
        var docs = await _containers.Find(Filter.In("_id", containers)).ToListAsync(cancellationToken);
        foreach (var d in docs) result[d["_id"].AsString] = MongoDocuments.Strings(d["lot_keys"]);
        return result;
    }

    /// <summary>Lists are OR-ed, parameters AND-ed, ordered by seq; same semantics as the SQLite adapter.</summary>
    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PerPage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PerPage, EventQuery.MaxPerPage);
        var filters = new List<FilterDefinition<BsonDocument>> { Position(query) };
        AddIn(filters, "event_type", query.EventTypes);
        AddIn(filters, "_id", query.EventIds);
        AddIn(filters, "read_point", query.ReadPoints);
        AddIn(filters, "biz_step", query.BizSteps);
        AddIn(filters, "disposition", query.Dispositions);
        AddIn(filters, "biz_location", query.BizLocations);
        AddAnyIn(filters, "epcs", query.AnyEpcs);
        AddAnyIn(filters, "epc_classes", query.EpcClasses);
        AddAnyIn(filters, "lot_keys", query.LotKeys);
        if (query.GeEventTime is { } ge) filters.Add(Filter.Gte<BsonValue>("event_time", MongoDocuments.Date(ge)));
        if (query.LtEventTime is { } lt) filters.Add(Filter.Lt<BsonValue>("event_time", MongoDocuments.Date(lt)));
        if (query.GeRecordTime is { } gr) filters.Add(Filter.Gte<BsonValue>("record_time", MongoDocuments.Date(gr)));
        if (query.LtRecordTime is { } lr) filters.Add(Filter.Lt<BsonValue>("record_time", MongoDocuments.Date(lr)));
        if (query.OrgId is { } org) filters.Add(Filter.Eq("org_id", org));

        var sort = Builders<BsonDocument>.Sort;
        var column = OrderColumn(query.OrderBy);
        var order = column is null
            ? (query.Descending ? sort.Descending("seq") : sort.Ascending("seq"))
            : query.Descending ? sort.Descending(column).Descending("seq") : sort.Ascending(column).Ascending("seq");
        // One extra document tells whether another page follows.
        var docs = await _events.Find(Filter.And(filters))
            .Sort(order)
            .Limit(query.PerPage + 1)
            .ToListAsync(cancellationToken);
        var events = docs.Select(MongoDocuments.ToEvent).ToList();
        if (events.Count <= query.PerPage) return new EventPage(events, null);
        events.RemoveAt(events.Count - 1);
        return new EventPage(events, events[^1].Sequence);
    }

    public async Task<IReadOnlyDictionary<string, LotState>> GetLotsAsync(IReadOnlyCollection<string> lotKeys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, LotState>(StringComparer.Ordinal);
        if (lotKeys.Count == 0) return result;
        var docs = await _lots.Find(Filter.In("_id", lotKeys)).ToListAsync(cancellationToken);
        foreach (var lot in docs.Select(MongoDocuments.ToLot)) result[lot.LotKey] = lot;
        return result;
    }

    private static string? OrderColumn(EventOrder order) => order switch
    {
        EventOrder.EventTime => "event_time",
        EventOrder.RecordTime => "record_time",
        _ => null,
    };

    /// <summary>The keyset condition of a page: after the previous page's last event in the query's order.</summary>
    private static FilterDefinition<BsonDocument> Position(EventQuery q)
    {
        var column = OrderColumn(q.OrderBy);
        if (column is null)
            return !q.Descending ? Filter.Gt("seq", q.AfterSequence) : q.AfterSequence > 0 ? Filter.Lt("seq", q.AfterSequence) : Filter.Empty;
        if (q.AfterTime is not { } t) return Filter.Empty;
        var time = MongoDocuments.Date(t);
        return q.Descending
            ? Filter.Or(Filter.Lt<BsonValue>(column, time), Filter.And(Filter.Eq<BsonValue>(column, time), Filter.Lt("seq", q.AfterSequence)))
            : Filter.Or(Filter.Gt<BsonValue>(column, time), Filter.And(Filter.Eq<BsonValue>(column, time), Filter.Gt("seq", q.AfterSequence)));
    }

    private static void AddIn(List<FilterDefinition<BsonDocument>> filters, string field, IReadOnlyList<string> values)
    {
        if (values.Count > 0) filters.Add(Filter.In(field, values));
    }

    // Array fields: matches when any element is in the list (MATCH_anyEPC semantics), via the multikey index.
    private static void AddAnyIn(List<FilterDefinition<BsonDocument>> filters, string field, IReadOnlyList<string> values)
    {
        if (values.Count > 0) filters.Add(Filter.AnyIn(field, values));
    }
}
