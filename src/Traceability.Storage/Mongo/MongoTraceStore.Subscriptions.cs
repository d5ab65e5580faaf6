using MongoDB.Bson;
using MongoDB.Driver;

namespace Traceability.Storage.Mongo;

/// <summary>
/// Named queries and subscriptions (<see cref="ISubscriptionStore"/>) in the collections named_queries and
/// subscriptions. A lease is taken with one FindOneAndUpdate per subscription, atomic on the server, so two API
/// instances never hold the same subscription.
/// </summary>
public sealed partial class MongoTraceStore : ISubscriptionStore
{
    private IMongoCollection<BsonDocument> Queries => _database.GetCollection<BsonDocument>("named_queries");
    private IMongoCollection<BsonDocument> Subscriptions => _database.GetCollection<BsonDocument>("subscriptions");

    private async Task CreateSubscriptionIndexesAsync(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "named_queries", "subscriptions" }) await EnsureCollectionAsync(name, cancellationToken);
        var keys = Builders<BsonDocument>.IndexKeys;
        await Queries.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            keys.Ascending("org_id").Ascending("name"), new CreateIndexOptions { Name = "org_name_unique", Unique = true }), cancellationToken: cancellationToken);
        await Subscriptions.Indexes.CreateManyAsync(
        [
            new(keys.Ascending("org_id").Ascending("query_name").Ascending("_id"), new CreateIndexOptions { Name = "by_query" }),
            new(keys.Ascending("next_attempt_at"), new CreateIndexOptions { Name = "due" }),
        ], cancellationToken);
        await _events.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            keys.Ascending("read_point").Ascending("seq"), new CreateIndexOptions { Name = "read_point_seq" }), cancellationToken: cancellationToken);
        await _captureJobs.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            keys.Ascending("org_id").Ascending("_id"), new CreateIndexOptions { Name = "org_id" }), cancellationToken: cancellationToken);
    }

    public async Task AddQueryAsync(NamedQuery query, CancellationToken cancellationToken)
    {
        try
        {
            await Queries.InsertOneAsync(new BsonDocument
            {
                { "org_id", query.OrgId }, { "name", query.Name }, { "query_json", query.QueryJson }, { "created_at", MongoDocuments.Date(query.CreatedAt) },
            }, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new DuplicateException($"a query named {query.Name} exists");
        }
    }

    public async Task<NamedQuery?> GetQueryAsync(string orgId, string name, CancellationToken cancellationToken)
    {
        var doc = await Queries.Find(Filter.Eq("org_id", orgId) & Filter.Eq("name", name)).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : ToQuery(doc);
    }

    public async Task<IReadOnlyList<NamedQuery>> ListQueriesAsync(string orgId, string? afterName, int max, CancellationToken cancellationToken)
    {
        var docs = await Queries.Find(Filter.Eq("org_id", orgId) & Filter.Gt("name", afterName ?? ""))
            .Sort(Builders<BsonDocument>.Sort.Ascending("name")).Limit(max).ToListAsync(cancellationToken);
        return docs.Select(ToQuery).ToList();
    }

    public async Task<bool> DeleteQueryAsync(string orgId, string name, CancellationToken cancellationToken)
    {
        // Subscriptions first: a query that is gone never has a subscription left behind.
        await Subscriptions.DeleteManyAsync(Filter.Eq("org_id", orgId) & Filter.Eq("query_name", name), cancellationToken);
        var deleted = await Queries.DeleteOneAsync(Filter.Eq("org_id", orgId) & Filter.Eq("name", name), cancellationToken);
        return deleted.DeletedCount > 0;
    }

    public async Task AddSubscriptionAsync(Subscription s, CancellationToken cancellationToken)
    {
        try
        {
            await Subscriptions.InsertOneAsync(FromSubscription(s), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new DuplicateException($"a subscription {s.Id} exists");
        }
    }

    public async Task<Subscription?> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var doc = await Subscriptions.Find(Filter.Eq("_id", subscriptionId)).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : ToSubscription(doc);
    }

    public async Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(
        string orgId, string queryName, string? afterId, int max, CancellationToken cancellationToken)
    {
        var docs = await Subscriptions.Find(Filter.Eq("org_id", orgId) & Filter.Eq("query_name", queryName) & Filter.Gt("_id", afterId ?? ""))
            .Sort(Builders<BsonDocument>.Sort.Ascending("_id")).Limit(max).ToListAsync(cancellationToken);
        return docs.Select(ToSubscription).ToList();
    }

    public async Task<bool> DeleteSubscriptionAsync(string orgId, string queryName, string subscriptionId, CancellationToken cancellationToken)
    {
        var deleted = await Subscriptions.DeleteOneAsync(
            Filter.Eq("_id", subscriptionId) & Filter.Eq("org_id", orgId) & Filter.Eq("query_name", queryName), cancellationToken);
        return deleted.DeletedCount > 0;
    }

    public async Task<IReadOnlyList<Subscription>> ClaimDueSubscriptionsAsync(
        string owner, DateTimeOffset now, DateTimeOffset leaseUntil, long latestSequence, int max, CancellationToken cancellationToken)
    {
        var at = MongoDocuments.Date(now);
        var due = Filter.Lte<BsonValue>("next_attempt_at", at)
            & (Filter.Eq("stream", false) | Filter.Lt("position", latestSequence))
            & (Filter.Eq<BsonValue>("lease_until", BsonNull.Value) | Filter.Lt<BsonValue>("lease_until", at) | Filter.Eq("lease_owner", owner));
        var update = Builders<BsonDocument>.Update.Set("lease_owner", owner).Set("lease_until", MongoDocuments.Date(leaseUntil));
        var options = new FindOneAndUpdateOptions<BsonDocument>
        {
            ReturnDocument = ReturnDocument.After,
            Sort = Builders<BsonDocument>.Sort.Ascending("next_attempt_at"),
        };
        var claimed = new List<Subscription>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (claimed.Count < max)
        {
            // Each claim skips what this call already took, so a subscription of our own is not taken twice.
            var filter = seen.Count == 0 ? due : due & Filter.Nin("_id", seen);
            var doc = await Subscriptions.FindOneAndUpdateAsync(filter, update, options, cancellationToken);
            if (doc is null) break;
            var subscription = ToSubscription(doc);
            seen.Add(subscription.Id);
            claimed.Add(subscription);
        }
        return claimed;
    }

    public async Task<bool> RecordDeliveryAsync(string subscriptionId, string owner, DeliveryProgress p, CancellationToken cancellationToken)
    {
        var update = Builders<BsonDocument>.Update
            .Max("position", p.Position)
            .Set("next_attempt_at", MongoDocuments.Date(p.NextAttemptAt))
            .Set("attempts", p.Attempts)
            .Set("last_error", Optional(p.LastError))
            .Set("lease_until", OptionalDate(p.LeaseUntil));
        if (p.LastNotifiedAt is { } notified) update = update.Set("last_notified_at", MongoDocuments.Date(notified));
        if (p.LeaseUntil is null) update = update.Set("lease_owner", BsonNull.Value);
        var result = await Subscriptions.UpdateOneAsync(Filter.Eq("_id", subscriptionId) & Filter.Eq("lease_owner", owner), update,
            cancellationToken: cancellationToken);
        return result.MatchedCount > 0;
    }

    public async Task<bool> ReleaseSubscriptionAsync(string subscriptionId, string owner, CancellationToken cancellationToken)
    {
        var update = Builders<BsonDocument>.Update.Set("lease_owner", BsonNull.Value).Set("lease_until", BsonNull.Value);
        var result = await Subscriptions.UpdateOneAsync(Filter.Eq("_id", subscriptionId) & Filter.Eq("lease_owner", owner), update,
            cancellationToken: cancellationToken);
        return result.MatchedCount > 0;
    }

    private static NamedQuery ToQuery(BsonDocument d) =>
        new(d["org_id"].AsString, d["name"].AsString, d["query_json"].AsString, MongoDocuments.Time(d["created_at"]));

    private static BsonValue Optional(string? value) => value is null ? BsonNull.Value : value;

    private static BsonValue OptionalDate(DateTimeOffset? value) => value is { } t ? MongoDocuments.Date(t) : BsonNull.Value;

    private static DateTimeOffset? OptionalTime(BsonValue value) => value.IsBsonNull ? null : MongoDocuments.Time(value);

    private static BsonDocument FromSubscription(Subscription s) => new()
    {
        { "_id", s.Id },
        { "org_id", s.OrgId },
        { "query_name", s.QueryName },
        { "dest", s.Dest },
        { "signature_token", Optional(s.SignatureToken) },
        { "stream", s.Stream },
        { "schedule_json", Optional(s.ScheduleJson) },
        { "report_if_empty", s.ReportIfEmpty },
        { "initial_record_time", OptionalDate(s.InitialRecordTime) },
        { "epc_format", Optional(s.EpcFormat) },
        { "created_at", MongoDocuments.Date(s.CreatedAt) },
        { "position", s.Position },
        { "last_notified_at", OptionalDate(s.LastNotifiedAt) },
        { "next_attempt_at", MongoDocuments.Date(s.NextAttemptAt) },
        { "attempts", s.Attempts },
        { "last_error", Optional(s.LastError) },
        { "lease_owner", BsonNull.Value },
        { "lease_until", BsonNull.Value },
    };

    private static Subscription ToSubscription(BsonDocument d) => new(
        d["_id"].AsString,
        d["org_id"].AsString,
        d["query_name"].AsString,
        d["dest"].AsString,
        d["signature_token"].IsBsonNull ? null : d["signature_token"].AsString,
        d["stream"].AsBoolean,
        d["schedule_json"].IsBsonNull ? null : d["schedule_json"].AsString,
        d["report_if_empty"].AsBoolean,
        OptionalTime(d["initial_record_time"]),
        d["epc_format"].IsBsonNull ? null : d["epc_format"].AsString,
        MongoDocuments.Time(d["created_at"]))
    {
        Position = d["position"].ToInt64(),
        LastNotifiedAt = OptionalTime(d["last_notified_at"]),
        NextAttemptAt = MongoDocuments.Time(d["next_attempt_at"]),
        Attempts = d["attempts"].ToInt32(),
        LastError = d["last_error"].IsBsonNull ? null : d["last_error"].AsString,
        LeaseOwner = d["lease_owner"].IsBsonNull ? null : d["lease_owner"].AsString,
        LeaseUntil = OptionalTime(d["lease_until"]),
    };
}
