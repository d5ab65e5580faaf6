using System.Security.Cryptography;
using Traceability.Api.Tests.Ledger.Fixtures;
using Traceability.Ledger;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Tests.Ledger;

/// <summary>
/// Base of every behaviour of the ledger port. Each behaviour is an abstract class with one small subclass per adapter
/// (…OnEvm on Anvil, …OnFabric on a real Fabric network), so the same tests hold both adapters to the port's contract.
/// Tests in one class share a ledger, so each registers its own organisations and uses fresh roots and lots. Every test
/// reads <see cref="Ledger"/> first: that is where the Fabric run is skipped without the binaries.
/// </summary>
public abstract class LedgerContract<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, ILedgerFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected ILedger Ledger => Fixture.Ledger;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static string NewOrgId() => "org-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    protected static byte[] NewRoot() => RandomNumberGenerator.GetBytes(32);

    protected static string NewLot() => $"/01/06901234100037/10/T{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>Registers a new organisation with the role; returns its id and ledger identity.</summary>
    protected async Task<(string OrgId, string Identity)> RegisterAsync(OrgRole role)
    {
        var orgId = NewOrgId();
        return (orgId, await Ledger.RegisterOrganisationAsync(orgId, role, Ct));
    }

    protected async Task<AnchorCommit> AnchorAsync(string orgId, byte[] root, uint leaves = 2) =>
        await Ledger.CommitAnchorAsync(await Ledger.SubmitAnchorAsync(orgId, root, leaves, Ct), Ct);

    /// <summary>The contract's name for a refusal, whatever stage reported it.</summary>
    protected static string? RefusalName(LedgerException e) => e switch
    {
        EndorseException x => x.Error?.Name,
        CommitException x => x.Error?.Name,
        EvaluateException x => x.Error?.Name,
        _ => null,
    };
}
