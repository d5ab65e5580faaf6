using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;

namespace Traceability.Ledger.Registry;

public sealed record AnchorRecord(EvmAddress Org, DateTimeOffset Timestamp, uint EventCount);

public sealed record RecallRecord(bool Active, EvmAddress By, DateTimeOffset Timestamp);

/// <summary>Typed access to a deployed TraceRegistry (API.md, "Contract ABI").</summary>
public sealed class TraceRegistryClient(EvmContract contract, TimeSpan commitTimeout)
{
    // anchor is the hot path: a fixed limit skips one simulation round trip per batch. Measured use
    // is ~70k for the first anchor of a registry and ~53k after; 100k leaves headroom without
    // reserving so much block gas that fewer anchors fit in a block.
    private const ulong AnchorGas = 100_000;

    public EvmContract Contract { get; } = contract;
    public EvmAddress Address => Contract.Address;
    public TimeSpan CommitTimeout { get; } = commitTimeout;

    public static TraceRegistryClient At(EvmGateway gateway, EvmAddress address, TimeSpan? commitTimeout = null) =>
        new(gateway.GetContract(address, TraceRegistryArtifact.Abi), commitTimeout ?? TimeSpan.FromSeconds(30));

    /// <summary>Deploys a new registry whose first admin is <paramref name="admin"/>.</summary>
    public static async Task<TraceRegistryClient> DeployAsync(EvmGateway gateway, EvmIdentity admin, CancellationToken cancellationToken, TimeSpan? commitTimeout = null)
    {
        var timeout = commitTimeout ?? TimeSpan.FromSeconds(30);
        var submitted = await gateway.SubmitAsync(admin, null, TraceRegistryArtifact.Bytecode, null, TraceRegistryArtifact.Abi, cancellationToken).ConfigureAwait(false);
        var receipt = await submitted.GetCommitAsync(timeout, cancellationToken).ConfigureAwait(false);
        var address = receipt.ContractAddress
            ?? throw new CommitException("deployment receipt names no contract address", receipt.TransactionHash, receipt.BlockNumber, null);
        return At(gateway, address, timeout);
    }

    /// <summary>lotKey = SHA-256 of the UTF-8 Digital Link path /01/{gtin14}/10/{lot} (API.md).</summary>
    public static byte[] LotKey(string digitalLinkPath) => SHA256.HashData(Encoding.UTF8.GetBytes(digitalLinkPath));

    /// <summary>True when the address holds this registry's runtime code (not another contract or nothing).</summary>
    public async Task<bool> IsDeployedAsync(CancellationToken cancellationToken) =>
        (await Contract.Gateway.GetCodeAsync(Address, cancellationToken).ConfigureAwait(false))
            .AsSpan().SequenceEqual(TraceRegistryArtifact.DeployedBytecode);

    public async Task<OrgRole> RoleOfAsync(EvmAddress account, CancellationToken cancellationToken)
    {
        var outputs = await Contract.EvaluateAsync("roleOf", [account], cancellationToken).ConfigureAwait(false);
        return (OrgRole)(byte)(BigInteger)outputs[0];
    }

    /// <summary>The organisation id the admins registered for an account; empty when unregistered.</summary>
    public async Task<string> OrgIdOfAsync(EvmAddress account, CancellationToken cancellationToken) =>
        (string)(await Contract.EvaluateAsync("orgIdOf", [account], cancellationToken).ConfigureAwait(false))[0];

    public async Task<bool> IsAdminAsync(EvmAddress account, CancellationToken cancellationToken) =>
        (bool)(await Contract.EvaluateAsync("isAdmin", [account], cancellationToken).ConfigureAwait(false))[0];

    public Task<TransactionReceipt> RegisterOrgAsync(EvmIdentity admin, EvmAddress account, OrgRole role, string orgId, CancellationToken cancellationToken) =>
        Contract.SubmitTransactionAsync(admin, "registerOrg", [account, (int)role, orgId], CommitTimeout, cancellationToken);

    public Task<TransactionReceipt> RevokeOrgAsync(EvmIdentity admin, EvmAddress account, CancellationToken cancellationToken) =>
        Contract.SubmitTransactionAsync(admin, "revokeOrg", [account], CommitTimeout, cancellationToken);

    public Task<TransactionReceipt> SetAdminAsync(EvmIdentity admin, EvmAddress account, bool enabled, CancellationToken cancellationToken) =>
        Contract.SubmitTransactionAsync(admin, "setAdmin", [account, enabled], CommitTimeout, cancellationToken);

    /// <summary>Sends anchor(root, count) without waiting for the receipt.</summary>
    public Task<SubmittedTransaction> SubmitAnchorAsync(EvmIdentity org, byte[] root, uint eventCount, CancellationToken cancellationToken) =>
        Contract.SubmitAsync(org, "anchor", [root, eventCount], new SubmitOptions(GasLimit: AnchorGas), cancellationToken);

    public async Task<TransactionReceipt> AnchorAsync(EvmIdentity org, byte[] root, uint eventCount, CancellationToken cancellationToken)
    {
        var submitted = await SubmitAnchorAsync(org, root, eventCount, cancellationToken).ConfigureAwait(false);
        return await submitted.GetCommitAsync(CommitTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Who anchored <paramref name="root"/> and when; null when it never was.</summary>
    public async Task<AnchorRecord?> AnchorsAsync(byte[] root, CancellationToken cancellationToken)
    {
        var o = await Contract.EvaluateAsync("anchors", [root], cancellationToken).ConfigureAwait(false);
        var org = (EvmAddress)o[0];
        return org == EvmAddress.Zero ? null
            : new AnchorRecord(org, DateTimeOffset.FromUnixTimeSeconds((long)(BigInteger)o[1]), (uint)(BigInteger)o[2]);
    }

    /// <summary>
    /// The <c>Anchored</c> log of <paramref name="root"/>, searched from <paramref name="fromBlock"/>: how a
    /// restarted worker learns the transaction and block of an anchor whose receipt it never saw.
    /// </summary>
    public async Task<FoundLog?> FindAnchoredLogAsync(byte[] root, ulong fromBlock, CancellationToken cancellationToken)
    {
        var anchored = Contract.Abi.Event("Anchored");
        var logs = await Contract.Gateway.GetLogsAsync(Address, [anchored.Topic0, root], fromBlock, cancellationToken).ConfigureAwait(false);
        return logs.FirstOrDefault();
    }

    public Task<TransactionReceipt> RecallAsync(EvmIdentity by, IReadOnlyList<byte[]> lotKeys, string reason, CancellationToken cancellationToken) =>
        Contract.SubmitTransactionAsync(by, "recall", [lotKeys.ToArray(), reason], CommitTimeout, cancellationToken);

    public Task<TransactionReceipt> LiftRecallAsync(EvmIdentity by, IReadOnlyList<byte[]> lotKeys, CancellationToken cancellationToken) =>
        Contract.SubmitTransactionAsync(by, "liftRecall", [lotKeys.ToArray()], CommitTimeout, cancellationToken);

    public async Task<RecallRecord> RecallOfAsync(byte[] lotKey, CancellationToken cancellationToken)
    {
        var o = await Contract.EvaluateAsync("recallOf", [lotKey], cancellationToken).ConfigureAwait(false);
        return new RecallRecord((bool)o[0], (EvmAddress)o[1], DateTimeOffset.FromUnixTimeSeconds((long)(BigInteger)o[2]));
    }
}
