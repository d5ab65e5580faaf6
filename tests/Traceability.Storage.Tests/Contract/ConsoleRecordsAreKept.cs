using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

/// <summary>Console sessions, test-card photos and follow-ups: what several API instances on one store share.</summary>
public abstract class ConsoleRecordsAreKept<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    private static ConsoleSession NewSession(DateTimeOffset lastSeen, DateTimeOffset expires, string? orgId = "org-shop") => new(
        Sample.Unique("hash"), orgId, orgId is null, Sample.Unique("csrf"), Sample.T0, lastSeen, expires);

    [Fact]
    public async Task ASessionIsFoundByItsHashTouchedForwardOnlyAndDeletedOnce()
    {
        var store = Store;
        var session = NewSession(Sample.T0, Sample.T0.AddHours(12));
        await store.CreateSessionAsync(session, Ct);

        Assert.Equal(session, await store.GetSessionAsync(session.IdHash, Ct));
        await Assert.ThrowsAsync<DuplicateException>(() => store.CreateSessionAsync(session, Ct));

        await store.TouchSessionAsync(session.IdHash, Sample.T0.AddMinutes(5), Ct);
        await store.TouchSessionAsync(session.IdHash, Sample.T0.AddMinutes(1), Ct); // a slower instance's older touch
        Assert.Equal(Sample.T0.AddMinutes(5), (await store.GetSessionAsync(session.IdHash, Ct))!.LastSeenAt);

        Assert.True(await store.DeleteSessionAsync(session.IdHash, Ct));
        Assert.False(await store.DeleteSessionAsync(session.IdHash, Ct));
        Assert.Null(await store.GetSessionAsync(session.IdHash, Ct));
    }

    [Fact]
    public async Task AnAdminSessionHasNoOrganisation()
    {
        var store = Store;
        var session = NewSession(Sample.T0, Sample.T0.AddHours(1), orgId: null);
        await store.CreateSessionAsync(session, Ct);
        var stored = await store.GetSessionAsync(session.IdHash, Ct);
        Assert.Null(stored!.OrgId);
        Assert.True(stored.IsAdmin);
    }

    [Fact]
    public async Task ExpiredAndIdleSessionsAreSweptAndLiveOnesKept()
    {
        var store = Store;
        var now = Sample.T0.AddDays(30);
        var live = NewSession(now.AddMinutes(-1), now.AddHours(1));
        var idle = NewSession(now.AddHours(-2), now.AddHours(1));
        var ended = NewSession(now.AddMinutes(-1), now.AddMinutes(-1));
        foreach (var s in new[] { live, idle, ended }) await store.CreateSessionAsync(s, Ct);

        Assert.True(await store.DeleteExpiredSessionsAsync(now, now.AddMinutes(-30), Ct) >= 2);

        Assert.NotNull(await store.GetSessionAsync(live.IdHash, Ct));
        Assert.Null(await store.GetSessionAsync(idle.IdHash, Ct));
        Assert.Null(await store.GetSessionAsync(ended.IdHash, Ct));
    }

    [Fact]
    public async Task APhotoIsKeptPerLabByteForByte()
    {
        var store = Store;
        var sha = Sample.Unique("sha").PadRight(64, '0')[..64];
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        var photo = new LabPhoto(sha, "org-lab-a", "image/png", 640, 480, bytes, Sample.T0);

        Assert.True(await store.AddLabPhotoAsync(photo, Ct));
        Assert.False(await store.AddLabPhotoAsync(photo with { UploadedAt = Sample.T0.AddDays(1) }, Ct));
        Assert.True(await store.AddLabPhotoAsync(photo with { OrgId = "org-lab-b", UploadedAt = Sample.T0.AddDays(2) }, Ct));

        var mine = await store.GetLabPhotoAsync(sha, "org-lab-a", Ct);
        Assert.Equal(bytes, mine!.Bytes);
        Assert.Equal(("image/png", 640, 480, Sample.T0), (mine.ContentType, mine.Width, mine.Height, mine.UploadedAt));
        Assert.Equal("org-lab-b", (await store.GetLabPhotoAsync(sha, "org-lab-b", Ct))!.OrgId);
        Assert.Equal("org-lab-a", (await store.GetLabPhotoAsync(sha, null, Ct))!.OrgId); // the first upload
        Assert.Null(await store.GetLabPhotoAsync(sha, "org-lab-c", Ct));
    }

    [Fact]
    public async Task AFollowUpReplacesTheEarlierOneOfItsResult()
    {
        var store = Store;
        var (result, other) = (Sample.Unique("evt"), Sample.Unique("evt"));
        var first = new FollowUp(result, "org-regulator", "下架封存 / removed from sale", null, null, "CY-2026-001", null, Sample.T0, Sample.T0);
        var second = first with { RetestEventId = Sample.Unique("evt"), RetestVerdict = "fail", RecordedAt = Sample.T0.AddHours(1) };

        Assert.False(await store.SaveFollowUpAsync(first, Ct));
        Assert.True(await store.SaveFollowUpAsync(second, Ct));

        var found = await store.GetFollowUpsAsync([result, other], Ct);
        Assert.Equal(second, Assert.Single(found).Value);
        Assert.Empty(await store.GetFollowUpsAsync([], Ct));
    }
}

public sealed class ConsoleRecordsAreKeptOnSqlite(SqliteStoreFixture fixture) : ConsoleRecordsAreKept<SqliteStoreFixture>(fixture);

public sealed class ConsoleRecordsAreKeptOnMongo(MongoStoreFixture fixture) : ConsoleRecordsAreKept<MongoStoreFixture>(fixture);
