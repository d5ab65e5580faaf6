using Traceability.Ledger.Registry;

namespace Traceability.Ledger;

/// <summary>
/// Where anchors live, for proofs and independent checks: <c>evm</c> (network = chain id, contract = registry
/// address) or <c>fabric</c> (network = channel, contract = chaincode name). <see cref="PublicEndpoint"/> is what a
/// phone or a verifier may ask (a public RPC URL), if published.
/// </summary>
public sealed record LedgerIdentity(string Kind, string Network, string Contract, string? PublicEndpoint);

/// <summary>An anchor sent and accepted by the ledger but not yet known to be committed.</summary>
public sealed record AnchorSubmission(string OrgId, byte[] Root, string TxId, object Handle);

/// <summary>A committed anchor: its transaction, block (height), who anchored it and when.</summary>
public sealed record AnchorCommit(string TxId, ulong BlockNumber, string AnchoredBy, DateTimeOffset At);

/// <summary>What the ledger says of a lot's or a pallet's recall (<c>recallOf</c>); <see cref="At"/> is null when never recalled.</summary>
public sealed record LedgerRecall(bool Active, string? By, DateTimeOffset? At);

/// <summary>The root was anchored before (by a resend racing an earlier copy): settle it from the ledger.</summary>
public sealed class AnchorExistsException(string message, string? transactionId) : Gateway.LedgerException(message, transactionId);

/// <summary>
/// The ledger port: everything the application asks of a ledger, whatever runs it (an EVM chain with the
/// TraceRegistry contract, a Hyperledger Fabric channel with the trace chaincode). Every call is signed as the named
/// organisation where it writes, takes a CancellationToken, and fails with a <see cref="Gateway.LedgerException"/>
/// (typed by the stage that failed, carrying the transaction id once there is one) — mapped to 503 by the API.
/// </summary>
public interface ILedger
{
    /// <summary>Null until the first connection succeeded.</summary>
    LedgerIdentity? Identity { get; }

    /// <summary>Why the ledger is not usable now; null while it answers.</summary>
    string? LastError { get; }

    /// <summary>Completes when the first connection succeeded.</summary>
    Task Connected { get; }

    /// <summary>The ledger's height (latest block), or null (and <see cref="LastError"/> set) when it does not answer.</summary>
    Task<ulong?> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>The height now; throws when unreachable.</summary>
    Task<ulong> HeadAsync(CancellationToken cancellationToken);

    /// <summary>Creates the organisation's ledger identity and registers it with its role; returns the identity (account address or MSP id).</summary>
    Task<string> RegisterOrganisationAsync(string orgId, OrgRole role, CancellationToken cancellationToken);

    /// <summary>Sends <c>anchor(root, leafCount)</c> signed by the organisation; returns once the ledger accepted it.</summary>
    Task<AnchorSubmission> SubmitAnchorAsync(string orgId, byte[] root, uint leafCount, CancellationToken cancellationToken);

    /// <summary>Waits for the anchor's commit; <see cref="AnchorExistsException"/> when the root was anchored before.</summary>
    Task<AnchorCommit> CommitAnchorAsync(AnchorSubmission submission, CancellationToken cancellationToken);

    /// <summary>Whether the root is anchored (one cheap read).</summary>
    Task<bool> IsAnchoredAsync(byte[] root, CancellationToken cancellationToken);

    /// <summary>
    /// The commit of an anchored root, found from the remembered transaction or by searching from
    /// <paramref name="searchFrom"/>; null when the root was never anchored (it must be sent again).
    /// </summary>
    Task<AnchorCommit?> FindAnchorAsync(byte[] root, string? txId, ulong searchFrom, CancellationToken cancellationToken);

    /// <summary>Recalls lots and logistic units (Digital Link paths) signed by the organisation; returns the transaction ids.</summary>
    Task<IReadOnlyList<string>> RecallAsync(string orgId, IReadOnlyList<string> lotKeys, string reason, CancellationToken cancellationToken);

    /// <summary>Lifts recalls, signed by the (regulator) organisation; returns the transaction ids.</summary>
    Task<IReadOnlyList<string>> LiftRecallAsync(string orgId, IReadOnlyList<string> lotKeys, CancellationToken cancellationToken);

    Task<LedgerRecall> RecallOfAsync(string lotKey, CancellationToken cancellationToken);

    /// <summary>After an outage the ledger may have lost accepted transactions: forget cached sequence state (nonces).</summary>
    void ResetAfterOutage();
}
