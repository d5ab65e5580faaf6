using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Ledger;
using Traceability.Ledger.Registry;
using Traceability.Fabric;
using Traceability.Storage;
using F = Traceability.Fabric;
using L = Traceability.Ledger.Gateway;

namespace Traceability.Api.Ledger;

/// <summary>
/// The ledger port on Hyperledger Fabric: the TraceRegistry chaincode on the channel of network.json, reached through
/// <see cref="FabricConnection"/>. Each organisation is a member MSP of its own (its ledger identity, stored as
/// <c>Organisation.LedgerAddress</c>) and signs with that MSP's client identity through a peer organisation's gateway;
/// the consortium admin registers organisations and reads. Transaction ids are Fabric's, heights qscc's. Every Fabric
/// failure leaves as the <see cref="L.LedgerException"/> of its stage, with the transaction id.
/// </summary>
public sealed class FabricLedger(FabricConnection connection, IOrganisationStore organisations, ILogger<FabricLedger> logger) : ILedger
{
    /// <summary>Lot keys per recall transaction: the chaincode's limit (MAX_RECALL_KEYS).</summary>
    public const int LotsPerTransaction = 1000;

    private readonly ConcurrentDictionary<string, string> _mspOf = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _registering = new(1, 1);

    public LedgerIdentity? Identity => connection.Session is { } s ? new LedgerIdentity("fabric", s.Network.Channel, s.Network.Chaincode, null) : null;

    public string? LastError => connection.LastError;

    public Task Connected => connection.Connected;

    public async Task<ulong?> ProbeAsync(CancellationToken cancellationToken)
    {
        if (connection.Session is not { } session) return null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            var info = await session.AdminChannel.GetChainInfoAsync(timeout.Token);
            connection.LastError = null;
            return info.LatestBlock;
        }
        catch (Exception ex) when (ex is F.FabricException or InvalidDataException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            connection.LastError = ex.Message;
            return null;
        }
    }

    public Task<ulong> HeadAsync(CancellationToken cancellationToken) =>
        Call(async () => (await connection.Require().AdminChannel.GetChainInfoAsync(cancellationToken)).LatestBlock);

    /// <summary>
    /// Gives the organisation the first member MSP that no stored organisation holds and the chaincode has not
    /// registered to another organisation, and registers it with its role as the consortium admin. One at a time in
    /// this process; across processes the chaincode refuses an MSP that belongs to another organisation (MspTaken, or
    /// MVCC_READ_CONFLICT when both registrations race into one block), and the next MSP is tried.
    /// </summary>
    public async Task<string> RegisterOrganisationAsync(string orgId, OrgRole role, CancellationToken cancellationToken)
    {
        var session = connection.Require();
        await _registering.WaitAsync(cancellationToken);
        try
        {
            var taken = (await organisations.ListOrganisationsAsync(cancellationToken)).Select(o => o.LedgerAddress).ToHashSet(StringComparer.Ordinal);
            taken.UnionWith(_mspOf.Values);
            foreach (var member in session.Network.Members.Where(m => !taken.Contains(m.MspId)))
            {
                var registered = Json(await Call(() => session.AdminContract.EvaluateTransactionAsync("GetOrg", [member.MspId], cancellationToken)));
                if ((string?)registered["role"] != "None" && (string?)registered["orgId"] != orgId) continue;
                try
                {
                    await Call(() => session.AdminContract.SubmitTransactionAsync("RegisterOrg", [member.MspId, role.ToString(), orgId], cancellationToken));
                }
                catch (L.LedgerException e) when (e is L.EndorseException { Error.Name: "MspTaken" } or L.CommitException { Error.Name: "MVCC_READ_CONFLICT" })
                {
                    continue; // another API instance gave it to another organisation meanwhile: take the next one
                }
                _mspOf[orgId] = member.MspId;
                logger.LogInformation("organisation {OrgId} is {MspId} on the Fabric network, a {Role}", orgId, member.MspId, role);
                return member.MspId;
            }
            throw new L.LedgerUnavailableException(
                $"every member MSP of the Fabric network ({session.Network.Members.Count()}) belongs to an organisation: create the network with more FABRIC_MEMBER_ORGS");
        }
        finally
        {
            _registering.Release();
        }
    }

    public async Task<AnchorSubmission> SubmitAnchorAsync(string orgId, byte[] root, uint leafCount, CancellationToken cancellationToken)
    {
        var session = connection.Require();
        var mspId = await MspOfAsync(session, orgId, cancellationToken);
        var arguments = new F.ProposalOptions { Arguments = [Convert.ToHexStringLower(root), leafCount.ToString(CultureInfo.InvariantCulture)] };
        try
        {
            var submitted = await Call(() => session.Connections.Contract(mspId).SubmitAsync("AnchorRoot", arguments, cancellationToken));
            return new AnchorSubmission(orgId, root, submitted.TransactionId, new Submitted(submitted, mspId));
        }
        catch (L.EndorseException e) when (e.Error?.Name == "AlreadyAnchored")
        {
            // An earlier send of this batch landed (before a crash or a lost commit status): the commit settles it.
            var existing = await GetAnchorAsync(session, root, cancellationToken);
            var txId = existing?.TxId ?? e.TransactionHash ?? "";
            return new AnchorSubmission(orgId, root, txId, new AnchoredBefore(txId));
        }
    }

    public async Task<AnchorCommit> CommitAnchorAsync(AnchorSubmission submission, CancellationToken cancellationToken)
    {
        var hex = Convert.ToHexStringLower(submission.Root);
        if (submission.Handle is AnchoredBefore before)
            throw new AnchorExistsException($"root {hex} was anchored before", before.TxId);
        var (transaction, mspId) = (Submitted)submission.Handle;
        var status = await Call(() => transaction.GetStatusAsync(cancellationToken));
        if (status.Successful)
            return new AnchorCommit(status.TransactionId, status.BlockNumber, mspId, Time(Json(transaction.Result)["timestamp"]));

        // Invalidated: MVCC_READ_CONFLICT when another transaction anchored the root in the same block or just before.
        var existing = await GetAnchorAsync(connection.Require(), submission.Root, cancellationToken);
        if (existing is not null && existing.TxId != status.TransactionId)
            throw new AnchorExistsException($"root {hex} was anchored by {existing.Org} in {existing.TxId}; {status.TransactionId} was {status.Code}", status.TransactionId);
        throw new L.CommitException($"anchor transaction {status.TransactionId} was invalidated in block {status.BlockNumber}: {status.Code}",
            status.TransactionId, status.BlockNumber, new L.ContractError(status.Code, [], ""));
    }

    public async Task<bool> IsAnchoredAsync(byte[] root, CancellationToken cancellationToken) =>
        await GetAnchorAsync(connection.Require(), root, cancellationToken) is not null;

    /// <summary>
    /// GetAnchor names the transaction that anchored the root (whatever was remembered, so <paramref name="txId"/> and
    /// <paramref name="searchFrom"/> are not needed); qscc's GetBlockByTxID gives its block by the peer's transaction
    /// index, one lookup, where reading the Anchored events would replay blocks from a starting point.
    /// </summary>
    public async Task<AnchorCommit?> FindAnchorAsync(byte[] root, string? txId, ulong searchFrom, CancellationToken cancellationToken)
    {
        var session = connection.Require();
        if (await GetAnchorAsync(session, root, cancellationToken) is not { } anchor) return null;
        var block = await Call(() => session.AdminChannel.GetBlockNumberByTransactionIdAsync(anchor.TxId, cancellationToken));
        return new AnchorCommit(anchor.TxId, block, anchor.Org, anchor.Timestamp);
    }

    public Task<IReadOnlyList<string>> RecallAsync(string orgId, IReadOnlyList<string> lotKeys, string reason, CancellationToken cancellationToken) =>
        SubmitLotsAsync(orgId, "Recall", lotKeys, [reason], cancellationToken);

    public Task<IReadOnlyList<string>> LiftRecallAsync(string orgId, IReadOnlyList<string> lotKeys, CancellationToken cancellationToken) =>
        SubmitLotsAsync(orgId, "LiftRecall", lotKeys, [], cancellationToken);

    public async Task<LedgerRecall> RecallOfAsync(string lotKey, CancellationToken cancellationToken)
    {
        var session = connection.Require();
        var record = Json(await Call(() => session.AdminContract.EvaluateTransactionAsync("RecallOf", [LotKeyHex(lotKey)], cancellationToken)));
        var at = record["timestamp"] is null ? (DateTimeOffset?)null : Time(record["timestamp"]);
        return new LedgerRecall((bool?)record["active"] ?? false, at is null ? null : (string?)record["by"], at);
    }

    /// <summary>Fabric keeps no client-side sequence (no nonces), and gRPC channels reconnect by themselves.</summary>
    public void ResetAfterOutage()
    {
    }

    private async Task<IReadOnlyList<string>> SubmitLotsAsync(
        string orgId, string function, IReadOnlyList<string> lotKeys, string[] more, CancellationToken cancellationToken)
    {
        var session = connection.Require();
        var mspId = await MspOfAsync(session, orgId, cancellationToken);
        var txIds = new List<string>();
        foreach (var chunk in lotKeys.Chunk(LotsPerTransaction))
        {
            string[] arguments = [JsonSerializer.Serialize(chunk.Select(LotKeyHex)), .. more];
            var submitted = await Call(() => session.Connections.Contract(mspId).SubmitAsync(function, new F.ProposalOptions { Arguments = arguments }, cancellationToken));
            var status = await Call(() => submitted.GetStatusAsync(cancellationToken));
            if (!status.Successful)
                throw new L.CommitException($"{function} transaction {status.TransactionId} was invalidated: {status.Code}",
                    status.TransactionId, status.BlockNumber, new L.ContractError(status.Code, [], ""));
            txIds.Add(submitted.TransactionId);
        }
        return txIds;
    }

    private sealed record LedgerAnchor(string Org, uint Count, string TxId, DateTimeOffset Timestamp);

    private static async Task<LedgerAnchor?> GetAnchorAsync(FabricSession session, byte[] root, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await Call(() => session.AdminContract.EvaluateTransactionAsync("GetAnchor", [Convert.ToHexStringLower(root)], cancellationToken));
        }
        catch (L.EvaluateException e) when (e.Error?.Name == "NotAnchored")
        {
            return null;
        }
        var anchor = Json(bytes);
        return new LedgerAnchor((string?)anchor["org"] ?? "", (uint?)anchor["count"] ?? 0, (string?)anchor["txId"] ?? "", Time(anchor["timestamp"]));
    }

    /// <summary>The organisation's MSP: remembered from its registration, else its stored ledger identity.</summary>
    private async Task<string> MspOfAsync(FabricSession session, string orgId, CancellationToken cancellationToken)
    {
        if (_mspOf.TryGetValue(orgId, out var known)) return known;
        var stored = (await organisations.GetOrganisationAsync(orgId, cancellationToken))?.LedgerAddress;
        if (stored is null)
            throw new L.EndorseException($"organisation {orgId} was never registered on this ledger", new L.ContractError("NotRegistered", [orgId], ""));
        if (session.Network.Organisations.All(o => o.MspId != stored))
            throw new L.LedgerUnavailableException(
                $"organisation {orgId}'s ledger identity {stored} is no MSP of the Fabric network (was the data directory made on another ledger?)");
        return _mspOf[orgId] = stored;
    }

    private static string LotKeyHex(string lotKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lotKey)));

    private static JsonObject Json(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes)?.AsObject() ?? throw new JsonException("null");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new L.LedgerUnavailableException($"the chaincode answered something that is not a JSON object: {e.Message}", e);
        }
    }

    private static DateTimeOffset Time(JsonNode? value) =>
        DateTimeOffset.TryParse((string?)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at : throw new L.LedgerUnavailableException($"the chaincode answered a timestamp that is not RFC 3339: {value}");

    /// <summary>Runs a gateway call, turning Fabric's failures into the ledger port's.</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (F.FabricException e)
        {
            throw Translate(e);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or CryptographicException or UnauthorizedAccessException)
        {
            // An identity file that cannot be read, an answer that cannot be parsed: the ledger cannot be used now.
            throw new L.LedgerUnavailableException(e.Message, e);
        }
    }

    private static L.LedgerException Translate(F.FabricException e)
    {
        var error = e is F.GatewayException { ChaincodeError: { } c } ? new L.ContractError(c.Name, [c.Detail], "") : null;
        return e switch
        {
            F.EvaluateException => new L.EvaluateException(e.Message, error, e, e.TransactionId),
            F.EndorseException => new L.EndorseException(e.Message, error, e, e.TransactionId),
            F.SubmitException => new L.SubmitException(e.Message, e.TransactionId ?? "", e),
            F.CommitStatusException => new L.CommitStatusException(e.Message, e.TransactionId ?? "", e),
            F.CommitException invalid => new L.CommitException(e.Message, invalid.Status.TransactionId, invalid.Status.BlockNumber, new L.ContractError(invalid.Status.Code, [], "")),
            _ => new L.LedgerUnavailableException(e.Message, e),
        };
    }

    private sealed record Submitted(F.SubmittedTransaction Transaction, string MspId);

    private sealed record AnchoredBefore(string? TxId);
}
