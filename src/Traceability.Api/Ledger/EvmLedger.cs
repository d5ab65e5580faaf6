using Microsoft.Extensions.Options;
using Traceability.Ledger;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;
using Traceability.Ledger.Registry;

namespace Traceability.Api.Ledger;

/// <summary>
/// The ledger port on an EVM chain: the TraceRegistry contract reached through <see cref="LedgerConnection"/>, each
/// organisation signing with its own key from <see cref="KeyVault"/>. The only place the application meets EVM
/// types; lot keys are SHA-256 of their Digital Link paths (API.md), transaction ids are transaction hashes.
/// </summary>
public sealed class EvmLedger(LedgerConnection connection, KeyVault keys, IOptions<TraceOptions> options, TimeProvider clock) : ILedger
{
    /// <summary>Lot keys per recall transaction: about 50k gas each, well under a 30M block.</summary>
    public const int LotsPerTransaction = 200;

    private readonly TimeSpan _commitTimeout = options.Value.Ledger.CommitTimeout;

    public LedgerIdentity? Identity => connection.Session is { } s
        ? new LedgerIdentity("evm", s.Gateway.ChainId.ToString(), s.Registry.Address.ToString(), options.Value.Ledger.PublicRpcUrl ?? options.Value.Ledger.RpcUrl)
        : null;

    public string? LastError => connection.LastError;

    public Task Connected => connection.Connected;

    public Task<ulong?> ProbeAsync(CancellationToken cancellationToken) => connection.ProbeAsync(cancellationToken);

    public Task<ulong> HeadAsync(CancellationToken cancellationToken) => connection.Require().Gateway.GetBlockNumberAsync(cancellationToken);

    public async Task<string> RegisterOrganisationAsync(string orgId, OrgRole role, CancellationToken cancellationToken)
    {
        var session = connection.Require();
        var key = keys.Create(orgId);
        await connection.FundAsync(key.Address, cancellationToken);
        await session.Registry.RegisterOrgAsync(session.Admin, key.Address, role, orgId, cancellationToken);
        return key.Address.ToString();
    }

    public async Task<AnchorSubmission> SubmitAnchorAsync(string orgId, byte[] root, uint leafCount, CancellationToken cancellationToken)
    {
        var submitted = await connection.Require().Registry.SubmitAnchorAsync(Signer(orgId), root, leafCount, cancellationToken);
        return new AnchorSubmission(orgId, root, submitted.TransactionHash, submitted);
    }

    public async Task<AnchorCommit> CommitAnchorAsync(AnchorSubmission submission, CancellationToken cancellationToken)
    {
        var submitted = (SubmittedTransaction)submission.Handle;
        try
        {
            var receipt = await submitted.GetCommitAsync(_commitTimeout, cancellationToken);
            return new AnchorCommit(receipt.TransactionHash, receipt.BlockNumber, submitted.From.ToString(), clock.GetUtcNow());
        }
        catch (CommitException ex) when (ex.Error?.Name == "AlreadyAnchored")
        {
            throw new AnchorExistsException($"root {Hex.Encode(submission.Root)} was anchored before", ex.TransactionHash);
        }
    }

    public async Task<bool> IsAnchoredAsync(byte[] root, CancellationToken cancellationToken) =>
        await connection.Require().Registry.AnchorsAsync(root, cancellationToken) is not null;

    public async Task<AnchorCommit?> FindAnchorAsync(byte[] root, string? txId, ulong searchFrom, CancellationToken cancellationToken)
    {
        var session = connection.Require();
        if (await session.Registry.AnchorsAsync(root, cancellationToken) is not { } onChain) return null;
        var receipt = txId is not null ? await session.Gateway.GetReceiptAsync(txId, cancellationToken) : null;
        if (receipt is { Succeeded: true })
            return new AnchorCommit(receipt.TransactionHash, receipt.BlockNumber, onChain.Org.ToString(), onChain.Timestamp);
        var log = await session.Registry.FindAnchoredLogAsync(root, searchFrom, cancellationToken)
                  ?? await session.Registry.FindAnchoredLogAsync(root, 0, cancellationToken);
        return log is null
            ? throw new CommitStatusException($"root {Hex.Encode(root)} is anchored but no Anchored log was found", txId ?? "")
            : new AnchorCommit(log.TransactionHash, log.BlockNumber, onChain.Org.ToString(), onChain.Timestamp);
    }

    public async Task<IReadOnlyList<string>> RecallAsync(string orgId, IReadOnlyList<string> lotKeys, string reason, CancellationToken cancellationToken)
    {
        var session = connection.Require();
        var signer = Signer(orgId);
        var txHashes = new List<string>();
        foreach (var chunk in lotKeys.Chunk(LotsPerTransaction))
            txHashes.Add((await session.Registry.RecallAsync(signer, chunk.Select(TraceRegistryClient.LotKey).ToList(), reason, cancellationToken)).TransactionHash);
        return txHashes;
    }

    public async Task<IReadOnlyList<string>> LiftRecallAsync(string orgId, IReadOnlyList<string> lotKeys, CancellationToken cancellationToken)
    {
        var session = connection.Require();
        var signer = Signer(orgId);
        var txHashes = new List<string>();
        foreach (var chunk in lotKeys.Chunk(LotsPerTransaction))
            txHashes.Add((await session.Registry.LiftRecallAsync(signer, chunk.Select(TraceRegistryClient.LotKey).ToList(), cancellationToken)).TransactionHash);
        return txHashes;
    }

    public async Task<LedgerRecall> RecallOfAsync(string lotKey, CancellationToken cancellationToken)
    {
        var record = await connection.Require().Registry.RecallOfAsync(TraceRegistryClient.LotKey(lotKey), cancellationToken);
        return new LedgerRecall(record.Active, record.Timestamp > DateTimeOffset.UnixEpoch ? record.By.ToString() : null,
            record.Timestamp > DateTimeOffset.UnixEpoch ? record.Timestamp : null);
    }

    public void ResetAfterOutage() => connection.Session?.Gateway.Nonces.ResetAll();

    private EvmIdentity Signer(string orgId) => EvmIdentity.From(keys.Load(orgId));
}
