using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Traceability.Storage.Mongo;

/// <summary>
/// The console's records: console_sessions (by the SHA-256 of the session id, with a TTL index on the absolute end),
/// lab_photos (by SHA-256 and lab; at most a few MB each, far below a document's 16 MB) and follow_ups.
/// </summary>
public sealed partial class MongoTraceStore
{
    private IMongoCollection<BsonDocument> Sessions => _database.GetCollection<BsonDocument>("console_sessions");
    private IMongoCollection<BsonDocument> Photos => _database.GetCollection<BsonDocument>("lab_photos");
    private IMongoCollection<BsonDocument> FollowUps => _database.GetCollection<BsonDocument>("follow_ups");

    private static DateTimeOffset MongoTime(BsonValue value) => new(value.ToUniversalTime(), TimeSpan.Zero);

    private async Task InitializeConsoleAsync(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "console_sessions", "lab_photos", "follow_ups" })
            await EnsureCollectionAsync(name, cancellationToken);
        var keys = Builders<BsonDocument>.IndexKeys;
        // The server removes sessions past their absolute end by itself; idle ones are refused on use and swept.
        await Sessions.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(keys.Ascending("expires_at"),
            new CreateIndexOptions { Name = "expires_at_ttl", ExpireAfter = TimeSpan.Zero }), cancellationToken: cancellationToken);
        await Sessions.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(keys.Ascending("last_seen_at"),
            new CreateIndexOptions { Name = "last_seen_at" }), cancellationToken: cancellationToken);
    }

    public async Task CreateSessionAsync(ConsoleSession s, CancellationToken cancellationToken)
    {
        try
        {
            await Sessions.InsertOneAsync(new BsonDocument
            {
                { "_id", s.IdHash }, { "org_id", s.OrgId is null ? BsonNull.Value : s.OrgId }, { "is_admin", s.IsAdmin },
                { "csrf_token", s.CsrfToken }, { "created_at", MongoDocuments.Date(s.CreatedAt) },
                { "last_seen_at", MongoDocuments.Date(s.LastSeenAt) }, { "expires_at", MongoDocuments.Date(s.ExpiresAt) },
            }, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new DuplicateException("a session with this id exists");
        }
    }

    public async Task<ConsoleSession?> GetSessionAsync(string idHash, CancellationToken cancellationToken)
    {
        var d = await Sessions.Find(Filter.Eq("_id", idHash)).FirstOrDefaultAsync(cancellationToken);
        return d is null ? null : new ConsoleSession(d["_id"].AsString, d["org_id"].IsString ? d["org_id"].AsString : null, d["is_admin"].AsBoolean,
            d["csrf_token"].AsString, MongoTime(d["created_at"]), MongoTime(d["last_seen_at"]), MongoTime(d["expires_at"]));
    }

    public Task TouchSessionAsync(string idHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        Sessions.UpdateOneAsync(Filter.Eq("_id", idHash), Builders<BsonDocument>.Update.Max("last_seen_at", MongoDocuments.Date(at)),
            cancellationToken: cancellationToken);

    public async Task<bool> DeleteSessionAsync(string idHash, CancellationToken cancellationToken) =>
        (await Sessions.DeleteOneAsync(Filter.Eq("_id", idHash), cancellationToken)).DeletedCount == 1;

    public async Task<int> DeleteExpiredSessionsAsync(DateTimeOffset now, DateTimeOffset idleBefore, CancellationToken cancellationToken) =>
        (int)(await Sessions.DeleteManyAsync(
            Filter.Lte("expires_at", MongoDocuments.Date(now)) | Filter.Lt("last_seen_at", MongoDocuments.Date(idleBefore)), cancellationToken)).DeletedCount;

    public async Task<bool> AddLabPhotoAsync(LabPhoto p, CancellationToken cancellationToken)
    {
        try
        {
            await Photos.InsertOneAsync(new BsonDocument
            {
                { "_id", $"{p.Sha256}|{p.OrgId}" }, { "sha256", p.Sha256 }, { "org_id", p.OrgId }, { "content_type", p.ContentType },
                { "width", p.Width }, { "height", p.Height }, { "bytes", new BsonBinaryData(p.Bytes) },
                { "uploaded_at", MongoDocuments.Date(p.UploadedAt) },
            }, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<LabPhoto?> GetLabPhotoAsync(string sha256, string? orgId, CancellationToken cancellationToken)
    {
        var filter = orgId is null ? Filter.Eq("sha256", sha256) : Filter.Eq("_id", $"{sha256}|{orgId}");
        var d = await Photos.Find(filter).Sort(Builders<BsonDocument>.Sort.Ascending("uploaded_at")).FirstOrDefaultAsync(cancellationToken);
        return d is null ? null : new LabPhoto(d["sha256"].AsString, d["org_id"].AsString, d["content_type"].AsString, d["width"].AsInt32,
            d["height"].AsInt32, d["bytes"].AsBsonBinaryData.Bytes, MongoTime(d["uploaded_at"]));
    }

    public async Task<bool> SaveFollowUpAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        var result = await FollowUps.ReplaceOneAsync(Filter.Eq("_id", followUp.ResultEventId),
            new BsonDocument { { "_id", followUp.ResultEventId }, { "json", JsonSerializer.Serialize(followUp, RecordJson) } },
            new ReplaceOptions { IsUpsert = true }, cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<IReadOnlyDictionary<string, FollowUp>> GetFollowUpsAsync(IReadOnlyCollection<string> resultEventIds, CancellationToken cancellationToken)
    {
        if (resultEventIds.Count == 0) return new Dictionary<string, FollowUp>();
        var docs = await FollowUps.Find(Filter.In("_id", resultEventIds.Distinct())).ToListAsync(cancellationToken);
        return docs.Select(d => JsonSerializer.Deserialize<FollowUp>(d["json"].AsString, RecordJson)!).ToDictionary(f => f.ResultEventId, StringComparer.Ordinal);
    }
}
