using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

/// <summary>Named queries, subscriptions, their delivery positions and the lease that lets one instance deliver each.</summary>
public abstract class SubscriptionsAreLeasedToOneOwner<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    private static Subscription NewSubscription(string org, string query, DateTimeOffset due) => new(
        Sample.Unique("sub"), org, query, "https://receiver.example/hook", "secret", true, null, false, null, null, Sample.T0)
    {
        Position = 7,
        NextAttemptAt = due,
    };

    [Fact]
    public async Task ANamedQueryIsKeptPerOrganisationAndItsNameIsTakenOnce()
    {
        var org = Sample.Unique("org");
        var other = Sample.Unique("org");
        await Store.AddQueryAsync(new NamedQuery(org, "recalls", """{"EQ_disposition":["recalled"]}""", Sample.T0), Ct);
        await Store.AddQueryAsync(new NamedQuery(other, "recalls", "{}", Sample.T0), Ct);

        await Assert.ThrowsAsync<DuplicateException>(() => Store.AddQueryAsync(new NamedQuery(org, "recalls", "{}", Sample.T0), Ct));
        var kept = await Store.GetQueryAsync(org, "recalls", Ct);
        Assert.Equal("""{"EQ_disposition":["recalled"]}""", kept!.QueryJson);
        Assert.Equal(Sample.T0, kept.CreatedAt);
        Assert.Null(await Store.GetQueryAsync(org, "absent", Ct));
    }

    [Fact]
    public async Task QueriesAreListedByNameInPages()
    {
        var org = Sample.Unique("org");
        foreach (var name in new[] { "c", "a", "b" }) await Store.AddQueryAsync(new NamedQuery(org, name, "{}", Sample.T0), Ct);

        var first = await Store.ListQueriesAsync(org, null, 2, Ct);
        var rest = await Store.ListQueriesAsync(org, first[^1].Name, 2, Ct);

        Assert.Equal(["a", "b"], first.Select(q => q.Name));
        Assert.Equal(["c"], rest.Select(q => q.Name));
    }

    [Fact]
    public async Task DeletingAQueryRemovesItsSubscriptions()
    {
        var org = Sample.Unique("org");
        await Store.AddQueryAsync(new NamedQuery(org, "q", "{}", Sample.T0), Ct);
        var subscription = NewSubscription(org, "q", Sample.T0);
        await Store.AddSubscriptionAsync(subscription, Ct);

        Assert.True(await Store.DeleteQueryAsync(org, "q", Ct));

        Assert.Null(await Store.GetQueryAsync(org, "q", Ct));
        Assert.Null(await Store.GetSubscriptionAsync(subscription.Id, Ct));
        Assert.False(await Store.DeleteQueryAsync(org, "q", Ct));
    }

    [Fact]
    public async Task ASubscriptionRoundTripsEveryField()
    {
        var org = Sample.Unique("org");
        var sent = NewSubscription(org, "q", Sample.T0.AddMinutes(1)) with
        {
            Stream = false,
            ScheduleJson = """{"minute":"5"}""",
            ReportIfEmpty = true,
            InitialRecordTime = Sample.T0.AddDays(-1),
            EpcFormat = "Always_EPC_URN",
            SignatureToken = null,
        };
        await Store.AddSubscriptionAsync(sent, Ct);

        var read = await Store.GetSubscriptionAsync(sent.Id, Ct);

        Assert.Equal(sent, read);
        Assert.Equal([sent.Id], (await Store.ListSubscriptionsAsync(org, "q", null, 10, Ct)).Select(s => s.Id));
        Assert.Empty(await Store.ListSubscriptionsAsync(org, "other", null, 10, Ct));
        Assert.False(await Store.DeleteSubscriptionAsync(Sample.Unique("org"), "q", sent.Id, Ct)); // another organisation's
        Assert.True(await Store.DeleteSubscriptionAsync(org, "q", sent.Id, Ct));
    }

    [Fact]
    public async Task TwoOwnersClaimingAtOnceNeverShareASubscription()
    {
        var org = Sample.Unique("org");
        var now = Sample.T0.AddYears(50); // later than anything other tests left due
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var s = NewSubscription(org, "q", now.AddSeconds(-1));
            ids.Add(s.Id);
            await Store.AddSubscriptionAsync(s, Ct);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Store.ClaimDueSubscriptionsAsync($"owner-{i}", now, now.AddMinutes(1), long.MaxValue, 100, Ct)));

        var claimed = claims.SelectMany(c => c).Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToList();
        Assert.Equal(ids.Order(), claimed.Order());
        Assert.All(claims.SelectMany((c, i) => c.Select(s => (s, i))), x => Assert.Equal($"owner-{x.i}", x.s.LeaseOwner));
        Assert.DoesNotContain(await Store.ClaimDueSubscriptionsAsync("late", now, now.AddMinutes(1), long.MaxValue, 100, Ct), s => ids.Contains(s.Id));
    }

    [Fact]
    public async Task AnEndedLeaseCanBeTakenOverAndTheOldOwnerCanNoLongerRecord()
    {
        var org = Sample.Unique("org");
        var now = Sample.T0.AddYears(60);
        var s = NewSubscription(org, "q", now.AddSeconds(-1));
        await Store.AddSubscriptionAsync(s, Ct);
        Assert.Contains((await Store.ClaimDueSubscriptionsAsync("first", now, now.AddSeconds(30), long.MaxValue, 100, Ct)), x => x.Id == s.Id);

        var later = now.AddMinutes(1);
        var takeover = await Store.ClaimDueSubscriptionsAsync("second", later, later.AddSeconds(30), long.MaxValue, 100, Ct);

        Assert.Contains(takeover, x => x.Id == s.Id);
        var progress = new DeliveryProgress(9, later, later, 0, null, later.AddSeconds(30));
        Assert.False(await Store.RecordDeliveryAsync(s.Id, "first", progress, Ct));
        Assert.True(await Store.RecordDeliveryAsync(s.Id, "second", progress, Ct));
        Assert.Equal(9, (await Store.GetSubscriptionAsync(s.Id, Ct))!.Position);
    }

    [Fact]
    public async Task DeliveryProgressIsKeptAndThePositionNeverGoesBack()
    {
        var org = Sample.Unique("org");
        var now = Sample.T0.AddYears(70);
        var s = NewSubscription(org, "q", now.AddSeconds(-1));
        await Store.AddSubscriptionAsync(s, Ct);
        await Store.ClaimDueSubscriptionsAsync("owner", now, now.AddSeconds(30), long.MaxValue, 100, Ct);

        Assert.True(await Store.RecordDeliveryAsync(s.Id, "owner", new DeliveryProgress(20, now, now.AddSeconds(5), 0, null, now.AddSeconds(30)), Ct));
        Assert.True(await Store.RecordDeliveryAsync(s.Id, "owner", new DeliveryProgress(12, null, now.AddSeconds(9), 3, "503 from the receiver", null), Ct));

        var read = (await Store.GetSubscriptionAsync(s.Id, Ct))!;
        Assert.Equal(20, read.Position);
        Assert.Equal(now, read.LastNotifiedAt);
        Assert.Equal(now.AddSeconds(9), read.NextAttemptAt);
        Assert.Equal(3, read.Attempts);
        Assert.Equal("503 from the receiver", read.LastError);
        Assert.Null(read.LeaseOwner); // a progress without a lease time ends the lease
        Assert.False(await Store.ReleaseSubscriptionAsync(s.Id, "owner", Ct));
    }

    [Fact]
    public async Task AStreamIsClaimedOnlyWhileNewerEventsExist()
    {
        var org = Sample.Unique("org");
        var now = Sample.T0.AddYears(90);
        var stream = NewSubscription(org, "q", now.AddSeconds(-1)); // position 7
        var scheduled = NewSubscription(org, "q", now.AddSeconds(-1)) with { Stream = false, ScheduleJson = """{"minute":"5"}""" };
        await Store.AddSubscriptionAsync(stream, Ct);
        await Store.AddSubscriptionAsync(scheduled, Ct);

        var idle = await Store.ClaimDueSubscriptionsAsync("owner", now, now.AddSeconds(30), 7, 100, Ct);
        var busy = await Store.ClaimDueSubscriptionsAsync("owner", now, now.AddSeconds(30), 8, 100, Ct);

        Assert.DoesNotContain(idle, s => s.Id == stream.Id);
        Assert.Contains(idle, s => s.Id == scheduled.Id);
        Assert.Contains(busy, s => s.Id == stream.Id);
    }

    [Fact]
    public async Task ASubscriptionNotYetDueIsNotClaimed()
    {
        var org = Sample.Unique("org");
        var now = Sample.T0.AddYears(80);
        var s = NewSubscription(org, "q", now.AddMinutes(5));
        await Store.AddSubscriptionAsync(s, Ct);

        Assert.DoesNotContain(await Store.ClaimDueSubscriptionsAsync("owner", now, now.AddSeconds(30), long.MaxValue, 100, Ct), x => x.Id == s.Id);
    }
}

public sealed class SubscriptionsAreLeasedToOneOwnerOnSqlite(SqliteStoreFixture fixture) : SubscriptionsAreLeasedToOneOwner<SqliteStoreFixture>(fixture);

public sealed class SubscriptionsAreLeasedToOneOwnerOnMongo(MongoStoreFixture fixture) : SubscriptionsAreLeasedToOneOwner<MongoStoreFixture>(fixture);
