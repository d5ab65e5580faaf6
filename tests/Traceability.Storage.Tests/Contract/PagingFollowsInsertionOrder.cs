using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

/// <summary>Pages over one fixed set of five events; this class's database holds nothing else.</summary>
public abstract class PagingFollowsInsertionOrder<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    // Event times run backwards so that only the insertion order can explain the page order.
    private static readonly StoredEvent[] Events = Enumerable.Range(1, 5)
        .Select(i => Sample.Event($"p-{i}") with
        {
            EventTime = Sample.T0.AddHours(-i),
            BizStep = i % 2 == 0 ? "shipping" : "receiving",
        })
        .ToArray();

    [Fact]
    public async Task TwoPerPageOverFiveEventsGivesPagesOfTwoTwoAndOne()
    {
        await SeedAsync();

        var pages = await AllPagesAsync(new EventQuery { PerPage = 2 });

        Assert.Equal([2, 2, 1], pages.Select(p => p.Events.Count));
        Assert.Equal(["p-1", "p-2", "p-3", "p-4", "p-5"], pages.SelectMany(p => p.Events).Select(e => e.EventId));
        Assert.Null(pages[^1].NextAfterSequence);
    }

    [Fact]
    public async Task TheNextTokenIsTheLastSequenceOnThePage()
    {
        await SeedAsync();

        var page = await Store.QueryEventsAsync(new EventQuery { PerPage = 3 }, Ct);

        Assert.Equal(page.Events[^1].Sequence, page.NextAfterSequence);
        Assert.Equal(page.Events.Select(e => e.Sequence).Order(), page.Events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task APageThatEndsExactlyOnTheLastEventHasNoNextToken()
    {
        await SeedAsync();

        var all = await Store.QueryEventsAsync(new EventQuery { PerPage = 5 }, Ct);
        var pages = await AllPagesAsync(new EventQuery { PerPage = 4 });

        Assert.Equal(5, all.Events.Count);
        Assert.Null(all.NextAfterSequence);
        Assert.Equal([4, 1], pages.Select(p => p.Events.Count));
    }

    [Fact]
    public async Task PagingKeepsTheFilterOnEveryPage()
    {
        await SeedAsync();

        var pages = await AllPagesAsync(new EventQuery { PerPage = 1, BizSteps = ["shipping"] });

        Assert.Equal(["p-2", "p-4"], pages.SelectMany(p => p.Events).Select(e => e.EventId));
    }

    private async Task<List<EventPage>> AllPagesAsync(EventQuery query)
    {
        var pages = new List<EventPage>();
        long? after = 0;
        while (after is { } cursor)
        {
            Assert.True(pages.Count < 10, "paging does not terminate");
            var page = await Store.QueryEventsAsync(query with { AfterSequence = cursor }, Ct);
            pages.Add(page);
            after = page.NextAfterSequence;
        }
        return pages;
    }

    // Appending is idempotent, so every test can seed the same events and page over exactly these five.
    private Task SeedAsync() => Store.AppendAsync(new CaptureWrite(Events, [], null), Ct);
}

public sealed class PagingFollowsInsertionOrderOnSqlite(SqliteStoreFixture fixture) : PagingFollowsInsertionOrder<SqliteStoreFixture>(fixture);

public sealed class PagingFollowsInsertionOrderOnMongo(MongoStoreFixture fixture) : PagingFollowsInsertionOrder<MongoStoreFixture>(fixture);
