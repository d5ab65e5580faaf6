using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Traceability.Storage.Mongo;

public sealed partial class MongoTraceStore
{
    // Recalls, alerts and products are read whole: the record as JSON plus the fields they are found by.
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web);

    private async Task CreateRecallIndexesAsync(CancellationToken cancellationToken)
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        await _recalls.Indexes.CreateManyAsync(
        [
            new(keys.Ascending("lot_keys").Descending("created_at"), new CreateIndexOptions { Name = "lot_keys" }),
            new(keys.Ascending("party_org_ids").Descending("created_at"), new CreateIndexOptions { Name = "party_org_ids" }),
            new(keys.Descending("created_at"), new CreateIndexOptions { Name = "created_at" }),
        ], cancellationToken);
        await _acknowledgements.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(keys.Ascending("recall_id").Ascending("at")), cancellationToken: cancellationToken);
        await _alerts.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(keys.Ascending("lot_key").Descending("at")), cancellationToken: cancellationToken);
    }

    public async Task AddRecallAsync(Recall recall, CancellationToken cancellationToken)
    {
        var doc = new BsonDocument
        {
            { "_id", recall.Id },
            { "created_at", MongoDocuments.Date(recall.CreatedAt) },
            { "lot_keys", new BsonArray(recall.LotKeys) },
            { "party_org_ids", new BsonArray(recall.PartyOrgIds.Distinct()) },
            { "json", JsonSerializer.Serialize(recall, RecordJson) },
        };
        try
        {
            await _recalls.InsertOneAsync(doc, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new DuplicateException($"recall {recall.Id} already exists");
        }
        await RecordChangeAsync(null, "recall", recall.Id, null, null, cancellationToken);
    }

    public async Task<Recall?> GetRecallAsync(string recallId, CancellationToken cancellationToken) =>
        (await FindJsonAsync<Recall>(_recalls, Filter.Eq("_id", recallId), RecallOrder, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Recall>> ListRecallsAsync(string? partyOrgId, CancellationToken cancellationToken) =>
        FindJsonAsync<Recall>(_recalls, partyOrgId is null ? Filter.Empty : Filter.AnyEq("party_org_ids", partyOrgId), RecallOrder, cancellationToken);

    public Task<IReadOnlyList<Recall>> GetRecallsForLotAsync(string lotKey, CancellationToken cancellationToken) =>
        FindJsonAsync<Recall>(_recalls, Filter.AnyEq("lot_keys", lotKey), RecallOrder, cancellationToken);

    public async Task<bool> LiftRecallAsync(string recallId, RecallLifting lifting, CancellationToken cancellationToken)
    {
        var recall = await GetRecallAsync(recallId, cancellationToken);
        if (recall is not { IsActive: true }) return false;
        // The "lifted" flag makes the update conditional: of two concurrent liftings only one matches.
        var result = await _recalls.UpdateOneAsync(
            Filter.And(Filter.Eq("_id", recallId), Filter.Ne("lifted", true)),
            Builders<BsonDocument>.Update.Set("lifted", true).Set("json", JsonSerializer.Serialize(recall with { Lifted = lifting }, RecordJson)),
            cancellationToken: cancellationToken);
        if (result.ModifiedCount == 1) await RecordChangeAsync(null, "recall", recallId, null, null, cancellationToken);
        return result.ModifiedCount == 1;
    }

    /// <remarks>Keyed by (recall, party), so a second acknowledgement replaces the first, atomically.</remarks>
    public async Task<bool> SaveAcknowledgementAsync(RecallAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        var id = $"{acknowledgement.RecallId}|{acknowledgement.OrgId}";
        var result = await _acknowledgements.ReplaceOneAsync(Filter.Eq("_id", id), new BsonDocument
        {
            { "_id", id },
            { "recall_id", acknowledgement.RecallId },
            { "org_id", acknowledgement.OrgId },
            { "at", MongoDocuments.Date(acknowledgement.At) },
            { "json", JsonSerializer.Serialize(acknowledgement, RecordJson) },
        }, new ReplaceOptions { IsUpsert = true }, cancellationToken);
        await RecordChangeAsync(null, "recall", acknowledgement.RecallId, null, null, cancellationToken);
        return result.MatchedCount == 1;
    }

    public Task<IReadOnlyList<RecallAcknowledgement>> GetAcknowledgementsAsync(string recallId, CancellationToken cancellationToken) =>
        FindJsonAsync<RecallAcknowledgement>(_acknowledgements, Filter.Eq("recall_id", recallId), AcknowledgementOrder, cancellationToken);

    public async Task AddAlertAsync(Alert alert, CancellationToken cancellationToken)
    {
        try
        {
            await _alerts.InsertOneAsync(new BsonDocument
            {
                { "_id", alert.Id }, { "lot_key", alert.Lot.LotKey }, { "at", MongoDocuments.Date(alert.At) },
                { "json", JsonSerializer.Serialize(alert, RecordJson) },
            }, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new DuplicateException($"alert {alert.Id} already exists");
        }
    }

    public Task<IReadOnlyList<Alert>> ListAlertsAsync(string? lotKey, CancellationToken cancellationToken) =>
        FindJsonAsync<Alert>(_alerts, lotKey is null ? Filter.Empty : Filter.Eq("lot_key", lotKey), AlertOrder, cancellationToken);

    /// <remarks>
    /// An upsert filtered on the owner: when another organisation owns the GTIN the filter misses, the upsert tries
    /// to insert a second document with the same _id and the server refuses it; either way the stored one is returned.
    /// </remarks>
    public async Task<Product> ClaimProductAsync(Product product, CancellationToken cancellationToken)
    {
        try
        {
            await _products.ReplaceOneAsync(
                Filter.Eq("_id", product.Gtin) & Filter.Eq("owner_org_id", product.OwnerOrgId),
                ProductDocument(product), new ReplaceOptions { IsUpsert = true }, cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // Claimed by another organisation first.
        }
        await RecordChangeAsync(null, "product", product.Gtin, null, null, cancellationToken);
        return (await GetProductAsync(product.Gtin, cancellationToken))!;
    }

    public async Task<IReadOnlyDictionary<string, Product>> GetProductsAsync(IReadOnlyCollection<string> gtins, CancellationToken cancellationToken)
    {
        var docs = await _products.Find(Filter.In("_id", gtins.Distinct())).ToListAsync(cancellationToken);
        return docs.Select(d => JsonSerializer.Deserialize<Product>(d["json"].AsString, RecordJson)!).ToDictionary(p => p.Gtin, StringComparer.Ordinal);
    }

    private static BsonDocument ProductDocument(Product product) => new()
    {
        { "_id", product.Gtin }, { "owner_org_id", product.OwnerOrgId }, { "json", JsonSerializer.Serialize(product, RecordJson) },
    };

    public async Task SaveProductAsync(Product product, CancellationToken cancellationToken)
    {
        await _products.ReplaceOneAsync(Filter.Eq("_id", product.Gtin), ProductDocument(product), new ReplaceOptions { IsUpsert = true }, cancellationToken);
        await RecordChangeAsync(null, "product", product.Gtin, null, null, cancellationToken);
    }

    public async Task<Product?> GetProductAsync(string gtin, CancellationToken cancellationToken) =>
        (await FindJsonAsync<Product>(_products, Filter.Eq("_id", gtin), Sort.Ascending("_id"), cancellationToken)).SingleOrDefault();

    private static SortDefinitionBuilder<BsonDocument> Sort => Builders<BsonDocument>.Sort;

    // The same orders as SQLite's: recalls newest first, ties by id; acknowledgements oldest first; alerts newest first.
    private static readonly SortDefinition<BsonDocument> RecallOrder = Sort.Descending("created_at").Ascending("_id");
    private static readonly SortDefinition<BsonDocument> AcknowledgementOrder = Sort.Ascending("at").Ascending("_id");
    private static readonly SortDefinition<BsonDocument> AlertOrder = Sort.Descending("at").Descending("_id");

    private static async Task<IReadOnlyList<T>> FindJsonAsync<T>(
        IMongoCollection<BsonDocument> collection, FilterDefinition<BsonDocument> filter, SortDefinition<BsonDocument> order, CancellationToken cancellationToken)
    {
        var docs = await collection.Find(filter).Sort(order).ToListAsync(cancellationToken);
        return docs.Select(d => JsonSerializer.Deserialize<T>(d["json"].AsString, RecordJson)!).ToList();
    }
}
