using Traceability.Ledger;

namespace Traceability.Api.Tests.Ledger.Fixtures;

/// <summary>One ledger adapter on a live ledger, shared by the tests of one contract class.</summary>
public interface ILedgerFixture
{
    /// <summary>The adapter under test, connected; skips the calling test when this ledger cannot run here.</summary>
    ILedger Ledger { get; }

    /// <summary>What <see cref="LedgerIdentity.Kind"/> must say.</summary>
    string Kind { get; }

    /// <summary>Lot keys the adapter puts in one recall transaction.</summary>
    int LotsPerTransaction { get; }

    /// <summary>An adapter of the same kind pointed at a ledger that does not answer (the caller disposes it).</summary>
    Task<LedgerHost> StartUnreachableAsync(CancellationToken cancellationToken);
}
