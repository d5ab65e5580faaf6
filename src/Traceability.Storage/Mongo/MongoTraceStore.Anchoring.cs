using MongoDB.Bson;
using MongoDB.Driver;

namespace Traceability.Storage.Mongo;

public sealed partial class MongoTraceStore
{
    // Events written before anchoring existed have no batch_id/anchored fields: Eq(null) and Ne(true)
    // match missing fields too, so they count as pending.
    private static FilterDefinition<BsonDocument> Unbatched => Filter.Eq("batch_id", BsonNull.Value);

    private async Task CreateAnchoringIndexesAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        await _events.Indexes.CreateManyAsync(
        [
            new(keys.Ascending("org_id").Ascending("batch_id").Ascending("seq"), new CreateIndexOptions { Name = "pending_by_org" }),
            new(keys.Ascending("anchored"), new CreateIndexOptions { Name = "anchored" }),
            new(keys.Ascending("batch_id"), new CreateIndexOptions { Name = "batch_id" }),
        ], cancellationToken);
        await _batches.Indexes.CreateManyAsync(
        [
            new(keys.Ascending("block_number").Ascending("created_at"), new CreateIndexOptions { Name = "block_number" }),
        ], cancellationToken);
    }

    public async Task<IReadOnlyList<PendingBacklog>> GetPendingBacklogAsync(CancellationToken cancellationToken)
    {
        var groups = await _events.Aggregate()
            .Match(Unbatched)
            .Group(new BsonDocument
            {
                { "_id", "$org_id" }, { "count", new BsonDocument("$sum", 1) },
                { "oldest", new BsonDocument("$min", "$record_time") }, { "first", new BsonDocument("$min", "$seq") },
            })
            .Sort(new BsonDocument("first", 1))
            .ToListAsync(cancellationToken);
        return groups.Select(g => new PendingBacklog(
            g["_id"].AsString, g["count"].ToInt64(), new DateTimeOffset(g["oldest"].ToUniversalTime(), TimeSpan.Zero))).ToList();
    }

    public async Task<IReadOnlyList<PendingEvent>> GetPendingEventsAsync(string orgId, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var docs = await _events.Find(Filter.Eq("org_id", orgId) & Unbatched)
            .Sort(Builders<BsonDocument>.Sort.Ascending("seq")).Limit(max)
            .Project(Builders<BsonDocument>.Projection.Include("_id").Include("json").Include("view_id"))
            .ToListAsync(cancellationToken);
        // Events stored before views were made at capture get theirs here, as the anchoring worker made them then.
        return docs.Select(d => new PendingEvent(d["_id"].AsString,
            d.TryGetValue("view_id", out var view) && view.IsString ? view.AsString
            : Domain.Consumer.ConsumerView.Of((System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(d["json"].AsString)!)["eventID"]!.GetValue<string>())).ToList();
    }

    public async Task CreateBatchAsync(AnchorBatch batch, CancellationToken cancellationToken)
    {
        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
        await session.WithTransactionAsync<bool>(async (s, ct) =>
        {
            try
            {
                await _batches.InsertOneAsync(s, MongoDocuments.FromBatch(batch), cancellationToken: ct);
            }
            catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
            {
                throw new DuplicateException($"anchor batch {batch.BatchId} already exists");
            }
            var updates = batch.EventIds.Select((id, leaf) => new UpdateOneModel<BsonDocument>(
                Filter.Eq("_id", id) & Unbatched,
                Builders<BsonDocument>.Update.Set("batch_id", batch.BatchId).Set("leaf_index", leaf)));
            var result = await _events.BulkWriteAsync(s, updates, cancellationToken: ct);
            if (result.ModifiedCount != batch.EventIds.Count)
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
            await _events.UpdateManyAsync(s, Filter.Eq("batch_id", batchId),
                Builders<BsonDocument>.Update.Set("anchored", true), cancellationToken: ct);
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
            await _events.UpdateManyAsync(s, Filter.Eq("batch_id", batchId),
                Builders<BsonDocument>.Update.Set("anchored", false), cancellationToken: ct);
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

    public async Task<EventAnchor?> GetEventAnchorAsync(string eventId, CancellationToken cancellationToken)
    {
        var doc = await _events.Find(Filter.Eq("_id", eventId))
            .Project(Builders<BsonDocument>.Projection.Include("org_id").Include("batch_id").Include("leaf_index"))
            .FirstOrDefaultAsync(cancellationToken);
        if (doc is null) return null;
        var batchId = doc.GetValue("batch_id", BsonNull.Value);
        var batch = batchId.IsString ? await GetBatchAsync(batchId.AsString, cancellationToken) : null;
        return new EventAnchor(eventId, doc["org_id"].AsString, batch, batch is null ? null : doc["leaf_index"].ToInt32());
    }

    public async Task<IReadOnlyDictionary<string, EventAnchor>> GetEventAnchorsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var docs = await _events.Find(Filter.In("_id", eventIds.Distinct()))
            .Project(Builders<BsonDocument>.Projection.Include("org_id").Include("batch_id").Include("leaf_index"))
            .ToListAsync(cancellationToken);
        var batchIds = docs.Select(d => d.GetValue("batch_id", BsonNull.Value)).Where(b => b.IsString).Select(b => b.AsString).Distinct().ToList();
        var batches = (await _batches.Find(Filter.In("_id", batchIds)).ToListAsync(cancellationToken))
            .Select(MongoDocuments.ToBatch).ToDictionary(b => b.BatchId, StringComparer.Ordinal);
        return docs.ToDictionary(d => d["_id"].AsString, d =>
        {
            var batchId = d.GetValue("batch_id", BsonNull.Value);
            var batch = batchId.IsString ? batches.GetValueOrDefault(batchId.AsString) : null;
            return new EventAnchor(d["_id"].AsString, d["org_id"].AsString, batch, batch is null ? null : d["leaf_index"].ToInt32());
        }, StringComparer.Ordinal);
    }
}
