using MongoDB.Bson;
using MongoDB.Driver;

namespace Traceability.Storage.Mongo;

/// <remarks>
/// As in the SQLite adapter, anchoring state lives in narrow collections, never in the wide event documents: a
/// pending event is one small document in <c>pending_events</c> (removed when it joins a batch), a batched event one
/// document in <c>batch_members</c> (keyed by event id), and "anchored" is its batch's block number.
/// </remarks>
public sealed partial class MongoTraceStore
{
    private async Task CreateAnchoringIndexesAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        await _pending.Indexes.CreateManyAsync(
        [
            new(keys.Ascending("org_id").Ascending("_id"), new CreateIndexOptions { Name = "pending_by_org" }),
            new(keys.Ascending("event_id"), new CreateIndexOptions { Name = "event_id", Unique = true }),
        ], cancellationToken);
        await _members.Indexes.CreateManyAsync(
        [
            new(keys.Ascending("batch_id"), new CreateIndexOptions { Name = "batch_id" }),
        ], cancellationToken);
        await _batches.Indexes.CreateManyAsync(
        [
            new(keys.Ascending("block_number").Ascending("created_at"), new CreateIndexOptions { Name = "block_number" }),
        ], cancellationToken);
    }

    /// <summary>Every new event waits for an anchor batch: called in the append's transaction.</summary>
    private Task QueuePendingAsync(IClientSessionHandle session, IReadOnlyList<StoredEvent> fresh, long firstSequence, CancellationToken cancellationToken) =>
        _pending.InsertManyAsync(session, fresh.Select((e, i) => new BsonDocument
        {
            { "_id", firstSequence + i },
            { "event_id", e.EventId },
            { "org_id", e.OrgId },
            { "record_time", MongoDocuments.Date(e.RecordTime) },
            { "view_id", MongoDocuments.Nullable(e.ViewId) },
        }), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<PendingBacklog>> GetPendingBacklogAsync(CancellationToken cancellationToken)
    {
        var groups = await _pending.Aggregate()
            .Group(new BsonDocument
            {
                { "_id", "$org_id" }, { "count", new BsonDocument("$sum", 1) },
                { "oldest", new BsonDocument("$min", "$record_time") }, { "first", new BsonDocument("$min", "$_id") },
            })
            .Sort(new BsonDocument("first", 1))
            .ToListAsync(cancellationToken);
        return groups.Select(g => new PendingBacklog(
            g["_id"].AsString, g["count"].ToInt64(), new DateTimeOffset(g["oldest"].ToUniversalTime(), TimeSpan.Zero))).ToList();
    }

    public async Task<IReadOnlyList<PendingEvent>> GetPendingEventsAsync(string orgId, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var docs = await _pending.Find(Filter.Eq("org_id", orgId)).Sort(Builders<BsonDocument>.Sort.Ascending("_id")).Limit(max).ToListAsync(cancellationToken);
        var missing = docs.Where(d => !d["view_id"].IsString).Select(d => d["event_id"].AsString).ToList();
        var legacy = new Dictionary<string, string>(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            // Events queued without a view id (none are, since capture makes views): made here as capture would.
            foreach (var e in await _events.Find(Filter.In("_id", missing)).ToListAsync(cancellationToken))
                legacy[e["_id"].AsString] = Sqlite.SqliteTraceStore.ViewIdOf(e["_id"].AsString, e["json"].AsString);
        }
        return docs.Select(d => new PendingEvent(d["event_id"].AsString,
            d["view_id"].IsString ? d["view_id"].AsString : legacy[d["event_id"].AsString])).ToList();
    }

    public async Task CreateBatchAsync(AnchorBatch batch, CancellationToken cancellationToken)
    {
        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        await session.WithTransactionAsync<bool>(async (s, ct) =>
        {
            try
            {
                await _batches.InsertOneAsync(s, MongoDocuments.FromBatch(batch), cancellationToken: ct);
                await _members.InsertManyAsync(s, batch.EventIds.Select((id, leaf) => new BsonDocument
                {
                    { "_id", id }, { "batch_id", batch.BatchId }, { "leaf_index", leaf },
                }), cancellationToken: ct);
            }
            catch (MongoException ex) when (ex is MongoWriteException { WriteError.Category: ServerErrorCategory.DuplicateKey } or MongoBulkWriteException)
            {
                throw new DuplicateException($"anchor batch {batch.BatchId} exists, or one of its events is in a batch already");
            }
            var dequeued = await _pending.DeleteManyAsync(s, Filter.In("event_id", batch.EventIds), cancellationToken: ct);
            if (dequeued.DeletedCount != batch.EventIds.Count)
                throw new DuplicateException($"some events of batch {batch.BatchId} are unknown or already in an anchor batch");
            return true;
        }, AppendTransaction, cancellationToken);
    }

    public Task RecordBatchSentAsync(string batchId, string txHash, CancellationToken cancellationToken) =>
        _batches.UpdateOneAsync(
            Filter.Eq("_id", batchId) & Filter.Eq("block_number", BsonNull.Value),
            Builders<BsonDocument>.Update.Set("tx_hash", txHash), cancellationToken: cancellationToken);

    public async Task CompleteBatchAsync(string batchId, AnchorReceipt receipt, CancellationToken cancellationToken)
    {
        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        await session.WithTransactionAsync<bool>(async (s, ct) =>
        {
            var update = Builders<BsonDocument>.Update
                .Set("tx_hash", receipt.TxHash).Set("block_number", (long)receipt.BlockNumber)
                .Set("anchored_by", receipt.AnchoredBy).Set("anchored_at", MongoDocuments.Date(receipt.AnchoredAt));
            var result = await _batches.UpdateOneAsync(s, Filter.Eq("_id", batchId), update, cancellationToken: ct);
            if (result.MatchedCount == 0) throw new InvalidOperationException($"anchor batch {batchId} does not exist");
            await RecordChangeAsync(s, "anchor", batchId, null, null, ct);
            return true;
        }, AppendTransaction, cancellationToken);
    }

    public async Task ReopenBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        await session.WithTransactionAsync<bool>(async (s, ct) =>
        {
            var update = Builders<BsonDocument>.Update
                .Set("tx_hash", BsonNull.Value).Set("block_number", BsonNull.Value)
                .Set("anchored_by", BsonNull.Value).Set("anchored_at", BsonNull.Value);
            await _batches.UpdateOneAsync(s, Filter.Eq("_id", batchId), update, cancellationToken: ct);
            await RecordChangeAsync(s, "anchor", batchId, null, null, ct);
            return true;
        }, AppendTransaction, cancellationToken);
    }

    public async Task<AnchorBatch?> GetBatchAsync(string batchId, CancellationToken cancellationToken)
    {
        var doc = await _batches.Find(Filter.Eq("_id", batchId)).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : MongoDocuments.ToBatch(doc);
    }

    public async Task<IReadOnlyList<AnchorBatch>> GetUnanchoredBatchesAsync(CancellationToken cancellationToken)
    {
        var docs = await _batches.Find(Filter.Eq("block_number", BsonNull.Value))
            .Sort(Builders<BsonDocument>.Sort.Ascending("created_at").Ascending("_id")).ToListAsync(cancellationToken);
        return docs.Select(MongoDocuments.ToBatch).ToList();
    }

    public async Task<IReadOnlyList<AnchorBatch>> GetBatchesAnchoredAboveAsync(ulong blockNumber, CancellationToken cancellationToken)
    {
        var docs = await _batches.Find(Filter.Gt("block_number", (long)blockNumber))
            .Sort(Builders<BsonDocument>.Sort.Ascending("block_number")).ToListAsync(cancellationToken);
        return docs.Select(MongoDocuments.ToBatch).ToList();
    }

    public async Task<EventAnchor?> GetEventAnchorAsync(string eventId, CancellationToken cancellationToken) =>
        (await GetEventAnchorsAsync([eventId], cancellationToken)).GetValueOrDefault(eventId);

    public async Task<IReadOnlyDictionary<string, EventAnchor>> GetEventAnchorsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var ids = eventIds.Distinct().ToList();
        var events = await _events.Find(Filter.In("_id", ids)).Project(Builders<BsonDocument>.Projection.Include("org_id")).ToListAsync(cancellationToken);
        var members = (await _members.Find(Filter.In("_id", ids)).ToListAsync(cancellationToken)).ToDictionary(m => m["_id"].AsString, StringComparer.Ordinal);
        var batchIds = members.Values.Select(m => m["batch_id"].AsString).Distinct().ToList();
        var batches = (await _batches.Find(Filter.In("_id", batchIds)).ToListAsync(cancellationToken))
            .Select(MongoDocuments.ToBatch).ToDictionary(b => b.BatchId, StringComparer.Ordinal);
        return events.ToDictionary(e => e["_id"].AsString, e =>
        {
            var member = members.GetValueOrDefault(e["_id"].AsString);
            var batch = member is null ? null : batches.GetValueOrDefault(member["batch_id"].AsString);
            return new EventAnchor(e["_id"].AsString, e["org_id"].AsString, batch, batch is null ? null : member!["leaf_index"].ToInt32());
        }, StringComparer.Ordinal);
    }
}
