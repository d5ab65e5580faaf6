using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

/// <summary>
/// EPCIS query filters over one fixed set of five events (this class's database holds nothing else).
/// Record times deliberately run in another order than event times, so the two filters are told apart.
/// </summary>
public abstract class QueriesFilterEvents<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    private const string LocationA = "https://id.gs1.org/414/9521234000006";
    private const string LocationB = "https://id.gs1.org/414/9521234000013";
    private const string ClassOne = "https://id.gs1.org/01/09521234543213/10/LOT-A";
    private const string ClassTwo = "https://id.gs1.org/01/09521234543220/10/LOT-B";
    private static readonly DateTimeOffset T0 = Sample.T0;

    private static readonly StoredEvent[] Events =
    [
        Sample.Event("q-1", "org-a") with
        {
            EventTime = T0, RecordTime = T0.AddHours(5), BizLocation = LocationA,
            Epcs = [Sample.Sgtin("1"), Sample.Sgtin("2")], LotKeys = [Sample.LotKey("X")],
        },
        Sample.Event("q-2", "org-a") with
        {
            EventType = "AggregationEvent", BizStep = "packing", Disposition = "in_progress", BizLocation = LocationB,
            EventTime = T0.AddHours(1), RecordTime = T0.AddHours(4), Epcs = ["https://id.gs1.org/00/095212340000000017"],
        },
        Sample.Event("q-3", "org-b") with
        {
            BizStep = "shipping", Disposition = "in_transit", BizLocation = LocationA,
            EventTime = T0.AddHours(2), RecordTime = T0.AddHours(6),
            Epcs = [Sample.Sgtin("2")], EpcClasses = [ClassOne], LotKeys = [Sample.LotKey("X")],
        },
        Sample.Event("q-4", "org-b") with
        {
            EventType = "TransformationEvent", BizStep = "transforming", Disposition = "active", BizLocation = "urn:local:kitchen",
            EventTime = T0.AddHours(3), RecordTime = T0.AddHours(4.5),
            Epcs = [], EpcClasses = [ClassOne, ClassTwo], LotKeys = [Sample.LotKey("Y")],
        },
        Sample.Event("q-5", "org-c") with
        {
            BizStep = null, Disposition = null, BizLocation = null, ReadPoint = null, External = true,
            EventTime = T0.AddHours(4), RecordTime = T0.AddHours(7), Epcs = [Sample.Sgtin("3")], LotKeys = [Sample.LotKey("Z")],
        },
    ];

    [Fact]
    public Task NoFilterReturnsEveryEventInInsertionOrder() => Finds(new(), "q-1", "q-2", "q-3", "q-4", "q-5");

    [Fact]
    public Task EventTypeMatchesTheType() => Finds(new() { EventTypes = ["ObjectEvent"] }, "q-1", "q-3", "q-5");

    [Fact]
    public Task BizStepMatchesTheStep() => Finds(new() { BizSteps = ["shipping"] }, "q-3");

    [Fact]
    public Task DispositionMatchesTheDisposition() => Finds(new() { Dispositions = ["active"] }, "q-1", "q-4");

    [Fact]
    public Task BizLocationMatchesTheLocation() => Finds(new() { BizLocations = [LocationA] }, "q-1", "q-3");

    [Fact]
    public Task AnyEpcMatchesEventsListingThatEpcAmongOthers() => Finds(new() { AnyEpcs = [Sample.Sgtin("2")] }, "q-1", "q-3");

    [Fact]
    public Task EpcClassMatchesEventsListingThatClass() => Finds(new() { EpcClasses = [ClassOne] }, "q-3", "q-4");

    [Fact]
    public Task LotKeyMatchesEventsTouchingThatLot() => Finds(new() { LotKeys = [Sample.LotKey("X")] }, "q-1", "q-3");

    [Fact]
    public Task OrgIdMatchesTheWritingOrganisation() => Finds(new() { OrgId = "org-b" }, "q-3", "q-4");

    [Fact]
    public Task GeEventTimeIncludesTheBoundary() => Finds(new() { GeEventTime = T0.AddHours(2) }, "q-3", "q-4", "q-5");

    [Fact]
    public Task LtEventTimeExcludesTheBoundary() => Finds(new() { LtEventTime = T0.AddHours(2) }, "q-1", "q-2");

    [Fact]
    public Task GeAndLtEventTimeFormAHalfOpenWindow() =>
        Finds(new() { GeEventTime = T0.AddHours(1), LtEventTime = T0.AddHours(3) }, "q-2", "q-3");

    [Fact]
    public async Task EventTimeBoundariesAreExactToTheMillisecond()
    {
        var justAfterQ3 = T0.AddHours(2).AddMilliseconds(1);
        await Finds(new() { LtEventTime = justAfterQ3 }, "q-1", "q-2", "q-3");
        await Finds(new() { GeEventTime = justAfterQ3 }, "q-4", "q-5");
    }

    [Fact]
    public Task GeRecordTimeFiltersOnRecordTimeNotEventTime() => Finds(new() { GeRecordTime = T0.AddHours(5) }, "q-1", "q-3", "q-5");

    [Fact]
    public async Task ValuesInOneListAreOred()
    {
        await Finds(new() { BizSteps = ["packing", "transforming"] }, "q-2", "q-4");
        await Finds(new() { AnyEpcs = [Sample.Sgtin("1"), Sample.Sgtin("3")] }, "q-1", "q-5");
        await Finds(new() { EpcClasses = [ClassTwo, "urn:unknown"] }, "q-4");
    }

    [Fact]
    public async Task ParametersAreAnded()
    {
        await Finds(new() { EventTypes = ["ObjectEvent"], BizLocations = [LocationA], AnyEpcs = [Sample.Sgtin("2")] }, "q-1", "q-3");
        await Finds(new() { EventTypes = ["ObjectEvent"], BizLocations = [LocationA], OrgId = "org-a" }, "q-1");
        await Finds(new() { LotKeys = [Sample.LotKey("X")], GeEventTime = T0.AddMinutes(1) }, "q-3");
        await Finds(new() { BizSteps = ["shipping"], OrgId = "org-a" });
    }

    [Fact]
    public async Task AfterSequenceReturnsOnlyLaterEvents()
    {
        await SeedAsync();
        var q2 = (await Store.GetEventAsync("q-2", Ct))!;

        await Finds(new() { AfterSequence = q2.Sequence }, "q-3", "q-4", "q-5");
    }

    [Fact]
    public Task UnknownValuesMatchNothing() => Finds(new() { AnyEpcs = [Sample.Sgtin("999")] });

    private async Task Finds(EventQuery query, params string[] expectedIds)
    {
        await SeedAsync();
        var page = await Store.QueryEventsAsync(query, Ct);
        Assert.Equal(expectedIds, page.Events.Select(e => e.EventId));
        Assert.Null(page.NextAfterSequence);
    }

    // Appending is idempotent, so every test can seed the same events and find exactly these five.
    private Task SeedAsync() => Store.AppendAsync(new CaptureWrite(Events, [], null), Ct);
}

public sealed class QueriesFilterEventsOnSqlite(SqliteStoreFixture fixture) : QueriesFilterEvents<SqliteStoreFixture>(fixture);

public sealed class QueriesFilterEventsOnMongo(MongoStoreFixture fixture) : QueriesFilterEvents<MongoStoreFixture>(fixture);
