using Traceability.Storage.Tests.Fixtures;

namespace Traceability.Storage.Tests.Contract;

public abstract class CaptureJobsAreSavedAndUpdated<TFixture>(TFixture fixture) : StoreContract<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task ASavedJobComesBackWithItsEventsAndErrors()
    {
        var store = Store;
        var job = new CaptureJob(
            Sample.Unique("capture"), "org-producer", Sample.T0, Sample.T0.AddSeconds(2),
            CaptureJobStatus.PartiallySucceeded, "proceed", 3, ["evt-1", "evt-3"],
            [
                new CaptureError(1, "evt-2", "ValidationException", "$.epcisBody.eventList[1].bizStep", "unknown bizStep"),
                new CaptureError(2, null, "ValidationException", "$.epcisBody.eventList[2]", "eventID is missing"),
            ]);

        await store.SaveCaptureJobAsync(job, Ct);

        AssertSame(job, await store.GetCaptureJobAsync(job.CaptureId, Ct));
    }

    [Fact]
    public async Task SavingAgainReplacesTheJob()
    {
        var store = Store;
        var running = Sample.Job(Sample.Unique("capture"));
        await store.SaveCaptureJobAsync(running, Ct);

        var failed = running with
        {
            Status = CaptureJobStatus.Failed, FinishedAt = Sample.T0.AddSeconds(1), EventCount = 1,
            Errors = [new CaptureError(0, "evt-9", "CaptureLimitExceededException", "$", "too many events")],
        };
        await store.SaveCaptureJobAsync(failed, Ct);

        AssertSame(failed, await store.GetCaptureJobAsync(running.CaptureId, Ct));
    }

    [Fact]
    public async Task AnUnknownCaptureIdFindsNothing()
    {
        var store = Store;
        await store.SaveCaptureJobAsync(Sample.Job(Sample.Unique("capture")), Ct);

        Assert.Null(await store.GetCaptureJobAsync(Sample.Unique("missing"), Ct));
    }

    // The lists are compared by content; record equality would compare them by reference.
    private static void AssertSame(CaptureJob expected, CaptureJob? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { EventIds = [], Errors = [] }, actual with { EventIds = [], Errors = [] });
        Assert.Equal(expected.EventIds, actual.EventIds);
        Assert.Equal(expected.Errors, actual.Errors);
    }
}

public sealed class CaptureJobsAreSavedAndUpdatedOnSqlite(SqliteStoreFixture fixture) : CaptureJobsAreSavedAndUpdated<SqliteStoreFixture>(fixture);

public sealed class CaptureJobsAreSavedAndUpdatedOnMongo(MongoStoreFixture fixture) : CaptureJobsAreSavedAndUpdated<MongoStoreFixture>(fixture);
