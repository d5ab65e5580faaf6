namespace Traceability.Storage.Tests.Fixtures;

/// <summary>One adapter with a fresh, initialised database shared by the tests of one test class.</summary>
public interface IStoreFixture
{
    /// <summary>The store under test; skips the calling test when this adapter cannot run here.</summary>
    ITraceStore Store { get; }

    /// <summary>What <see cref="ITraceStore.GetStatsAsync"/> reports as <see cref="StoreStats.Kind"/>.</summary>
    string Kind { get; }

    /// <summary>
    /// A write holding <paramref name="evt"/>, <paramref name="lot"/> and <paramref name="job"/> that this
    /// adapter accepts up to and including the event and then rejects, so atomicity can be observed.
    /// How to make a store fail part-way is adapter specific; what must happen next is not.
    /// </summary>
    CaptureWrite RejectedAfterTheEvents(StoredEvent evt, LotState lot, CaptureJob job);
}
