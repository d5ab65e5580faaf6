using MongoDB.Bson;
using MongoDB.Driver;
using Traceability.Domain.Organisations;

namespace Traceability.Storage.Mongo;

/// <summary>
/// The production store on MongoDB. Collections: organisations, events, lots, containers (what each pallet or case
/// holds), capture_jobs, counters (the event and change sequences), pending_events and batch_members (narrow anchoring
/// state), anchor_batches, recalls, recall_acknowledgements
/// (one per party and recall), alerts, products, changes (what other API instances follow) and leases (work that
/// runs on one instance at a time).
/// </summary>
/// <remarks>
/// <see cref="AppendAsync"/> writes events, lot states and the capture job in one multi-document
/// transaction, so the server must be a replica set or a sharded cluster (MongoDB 4.4 or later);
/// a standalone mongod rejects transactions. A single-node replica set
/// (<c>mongod --replSet rs0</c> then <c>rs.initiate()</c>) is enough for development.
/// </remarks>
public sealed partial class MongoTraceStore : ITraceStore
{
    private const string EventsCounterId = "events";

    private readonly MongoClient _client;
    private readonly IMongoDatabase _database;
    private readonly IMongoCollection<BsonDocument> _organisations;
    private readonly IMongoCollection<BsonDocument> _events;
    private readonly IMongoCollection<BsonDocument> _lots;
    private readonly IMongoCollection<BsonDocument> _captureJobs;
    private readonly IMongoCollection<BsonDocument> _counters;
    private readonly IMongoCollection<BsonDocument> _batches;
    private readonly IMongoCollection<BsonDocument> _recalls;
    private readonly IMongoCollection<BsonDocument> _acknowledgements;
    private readonly IMongoCollection<BsonDocument> _alerts;
    private readonly IMongoCollection<BsonDocument> _products;
    private readonly IMongoCollection<BsonDocument> _containers;
    private readonly IMongoCollection<BsonDocument> _changes;
    private readonly IMongoCollection<BsonDocument> _leases;
    private readonly IMongoCollection<BsonDocument> _pending;
    private readonly IMongoCollection<BsonDocument> _members;

    public MongoTraceStore(string connectionString, string databaseName = "traceability")
    {
        _client = new MongoClient(connectionString);
        _database = _client.GetDatabase(databaseName);
        _organisations = _database.GetCollection<BsonDocument>("organisations");
        _events = _database.GetCollection<BsonDocument>("events");
        _lots = _database.GetCollection<BsonDocument>("lots");
        _captureJobs = _database.GetCollection<BsonDocument>("capture_jobs");
        _counters = _database.GetCollection<BsonDocument>("counters");
        _batches = _database.GetCollection<BsonDocument>("anchor_batches");
        _recalls = _database.GetCollection<BsonDocument>("recalls");
        _acknowledgements = _database.GetCollection<BsonDocument>("recall_acknowledgements");
        _alerts = _database.GetCollection<BsonDocument>("alerts");
        _products = _database.GetCollection<BsonDocument>("products");
        _containers = _database.GetCollection<BsonDocument>("containers");
        _changes = _database.GetCollection<BsonDocument>("changes");
        _leases = _database.GetCollection<BsonDocument>("leases");
        _pending = _database.GetCollection<BsonDocument>("pending_events");
        _members = _database.GetCollection<BsonDocument>("batch_members");
    }

    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Collections are created up front: creating one implicitly inside a transaction is refused by
        // servers before 4.4 and by sharded clusters.
        foreach (var name in new[] { "organisations", "events", "lots", "capture_jobs", "counters", "anchor_batches", "recalls", "recall_acknowledgements", "alerts", "products", "containers", "changes", "leases", "pending_events", "batch_members" })
            await EnsureCollectionAsync(name, cancellationToken);

        var keys = Builders<BsonDocument>.IndexKeys;
        await _organisations.Indexes.CreateManyAsync(
        [
            // Case-insensitive like the SQLite adapter's NOCASE name column.
            new(keys.Ascending("name"), new CreateIndexOptions
            {
                Name = "name_unique", Unique = true, Collation = new Collation("en", strength: CollationStrength.Secondary),
            }),
            new(keys.Ascending("api_key_hash"), new CreateIndexOptions { Name = "api_key_hash_unique", Unique = true }),
            new(keys.Ascending("gln"), new CreateIndexOptions<BsonDocument>
            {
                Name = "gln_unique", Unique = true, PartialFilterExpression = Filter.Type("gln", BsonType.String),
            }),
            new(keys.Ascending("created_at").Ascending("_id"), new CreateIndexOptions { Name = "created_at" }),
        ], cancellationToken);

        // The event id is the _id (unique by construction); every filter index ends in seq so a filtered,
        // seq-ordered page is an index range scan.
        var seq = keys.Ascending("seq");
        await _events.Indexes.CreateManyAsync(
        [
            new(seq, new CreateIndexOptions { Name = "seq_unique", Unique = true }),
            .. new[] { "event_type", "biz_step", "disposition", "biz_location", "epcs", "epc_classes", "lot_keys", "event_time", "record_time", "org_id" }
                .Select(field => new CreateIndexModel<BsonDocument>(
                    keys.Ascending(field).Ascending("seq"), new CreateIndexOptions { Name = $"{field}_seq" })),
        ], cancellationToken);

        await CreateAnchoringIndexesAsync(cancellationToken);
        await CreateRecallIndexesAsync(cancellationToken);
        await InitializeConsoleAsync(cancellationToken);
        await CreateSubscriptionIndexesAsync(cancellationToken);

        await _counters.UpdateOneAsync(
            Filter.Eq("_id", EventsCounterId),
            Builders<BsonDocument>.Update.SetOnInsert("value", 0L),
            new UpdateOptions { IsUpsert = true },
            cancellationToken);
    }

    public async Task AddOrganisationAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        try
        {
            await _organisations.InsertOneAsync(MongoDocuments.FromOrganisation(organisation), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new DuplicateException($"an organisation with this id, name, API key or GLN already exists ({ex.WriteError.Message})");
        }
    }

    public Task<Organisation?> GetOrganisationAsync(string orgId, CancellationToken cancellationToken) =>
        FindOrganisationAsync(Filter.Eq("_id", orgId), cancellationToken);

    public Task<Organisation?> FindOrganisationByApiKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken) =>
        FindOrganisationAsync(Filter.Eq("api_key_hash", apiKeyHash), cancellationToken);

    // The $type clause repeats the partial index's filter so the planner can use that index.
    public Task<Organisation?> FindOrganisationByGlnAsync(string gln, CancellationToken cancellationToken) =>
        FindOrganisationAsync(Filter.Eq("gln", gln) & Filter.Type("gln", BsonType.String), cancellationToken);

    public async Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken cancellationToken)
    {
        var docs = await _organisations.Find(FilterDefinition<BsonDocument>.Empty)
            .Sort(Builders<BsonDocument>.Sort.Ascending("created_at").Ascending("_id"))
            .ToListAsync(cancellationToken);
        return docs.Select(MongoDocuments.ToOrganisation).ToList();
    }

    public Task SaveCaptureJobAsync(CaptureJob job, CancellationToken cancellationToken) =>
        _captureJobs.ReplaceOneAsync(
            Filter.Eq("_id", job.CaptureId), MongoDocuments.FromCaptureJob(job),
            new ReplaceOptions { IsUpsert = true }, cancellationToken);

    public async Task<CaptureJob?> GetCaptureJobAsync(string captureId, CancellationToken cancellationToken)
    {
        var doc = await _captureJobs.Find(Filter.Eq("_id", captureId)).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : MongoDocuments.ToCaptureJob(doc);
    }

    /// <summary>The event count is the sequence counter: it only grows, by the number of new events per append.</summary>
    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var counter = await _counters.Find(Filter.Eq("_id", EventsCounterId)).FirstOrDefaultAsync(cancellationToken);
        var organisations = await _organisations.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: cancellationToken);
        var pending = await _pending.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: cancellationToken);
        var batched = (await _batches.Find(Filter.Eq("block_number", BsonNull.Value)).Project(Builders<BsonDocument>.Projection.Include("event_ids"))
            .ToListAsync(cancellationToken)).Sum(b => b["event_ids"].AsBsonArray.Count);
        var unanchored = pending + batched;
        return new StoreStats("mongodb", counter?["value"].ToInt64() ?? 0, organisations, unanchored);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<Organisation?> FindOrganisationAsync(FilterDefinition<BsonDocument> filter, CancellationToken cancellationToken)
    {
        var doc = await _organisations.Find(filter).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : MongoDocuments.ToOrganisation(doc);
    }

    private async Task EnsureCollectionAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await _database.CreateCollectionAsync(name, cancellationToken: cancellationToken);
        }
        catch (MongoCommandException ex) when (ex.CodeName == "NamespaceExists")
        {
            // Already there: InitializeAsync runs on every start.
        }
    }
}
