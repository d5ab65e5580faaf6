namespace Traceability.Fabric;

/// <summary>
/// A chaincode (and optionally one named contract in it) on a channel. Evaluate runs a query on one peer;
/// submit endorses, signs, orders and, with <see cref="SubmitTransactionAsync"/>, waits for the commit.
/// Each stage has the deadline from <see cref="GatewayOptions"/> and honours the caller's token.
/// </summary>
public sealed class Contract
{
    private readonly Gateway _gateway;

    internal Contract(Gateway gateway, string channelName, string chaincodeName, string? contractName)
    {
        _gateway = gateway;
        ChannelName = channelName;
        ChaincodeName = chaincodeName;
        ContractName = contractName;
    }

    public string ChannelName { get; }
    public string ChaincodeName { get; }
    public string? ContractName { get; }

    /// <summary>Runs a transaction function without ordering it; returns what it returned.</summary>
    public Task<byte[]> EvaluateTransactionAsync(string name, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        EvaluateAsync(name, new ProposalOptions { Arguments = arguments }, cancellationToken);

    public async Task<byte[]> EvaluateAsync(string name, ProposalOptions options, CancellationToken cancellationToken = default)
    {
        var (transactionId, proposal) = Propose(name, options);
        var request = new Protocol.EvaluateRequest { TransactionId = transactionId, ChannelId = ChannelName, ProposedTransaction = proposal };
        if (options.TargetOrganizations is { } targets) request.TargetOrganizations.Add(targets);
        var response = await Gateway.CallAsync(o => _gateway.Client.EvaluateAsync(request, o), _gateway.Options.EvaluateTimeout,
            e => new EvaluateException(transactionId, e), cancellationToken);
        return response.Result.Payload.ToByteArray();
    }

    /// <summary>Submits a transaction and waits until it is committed; throws <see cref="CommitException"/> when it was invalidated.</summary>
    public Task<byte[]> SubmitTransactionAsync(string name, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        SubmitAndCommitAsync(name, new ProposalOptions { Arguments = arguments }, cancellationToken);

    private async Task<byte[]> SubmitAndCommitAsync(string name, ProposalOptions options, CancellationToken cancellationToken)
    {
        var submitted = await SubmitAsync(name, options, cancellationToken);
        var status = await submitted.GetStatusAsync(cancellationToken);
        if (!status.Successful) throw new CommitException(status);
        return submitted.Result;
    }

    /// <summary>
    /// Endorses, signs and sends the transaction to ordering, and returns without waiting for the commit: its result
    /// (from endorsement) and <see cref="SubmittedTransaction.GetStatusAsync"/>.
    /// </summary>
    public async Task<SubmittedTransaction> SubmitAsync(string name, ProposalOptions options, CancellationToken cancellationToken = default)
    {
        var (transactionId, proposal) = Propose(name, options);
        var endorse = new Protocol.EndorseRequest { TransactionId = transactionId, ChannelId = ChannelName, ProposedTransaction = proposal };
        if (options.EndorsingOrganizations is { } endorsers) endorse.EndorsingOrganizations.Add(endorsers);
        var endorsed = await Gateway.CallAsync(o => _gateway.Client.EndorseAsync(endorse, o), _gateway.Options.EndorseTimeout,
            e => new EndorseException(transactionId, e), cancellationToken);

        var envelope = endorsed.PreparedTransaction;
        var result = Proposals.ResultOf(envelope);
        envelope.Signature = Proposals.Sign(_gateway.Options.Signer, envelope.Payload);
        var submit = new Protocol.SubmitRequest { TransactionId = transactionId, ChannelId = ChannelName, PreparedTransaction = envelope };
        await Gateway.CallAsync(o => _gateway.Client.SubmitAsync(submit, o), _gateway.Options.SubmitTimeout,
            e => new SubmitException(transactionId, e), cancellationToken);
        return new SubmittedTransaction(_gateway, ChannelName, transactionId, result);
    }

    private (string, Protos.SignedProposal) Propose(string name, ProposalOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        var function = ContractName is null ? name : $"{ContractName}:{name}";
        return Proposals.Create(_gateway.Creator, _gateway.Options.Signer, ChannelName, ChaincodeName, function,
            options.Arguments, options.TransientData, DateTimeOffset.UtcNow);
    }
}

/// <summary>A transaction's arguments and, when needed, private data and which organisations must endorse or evaluate.</summary>
public sealed record ProposalOptions
{
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public IReadOnlyDictionary<string, byte[]>? TransientData { get; init; }
    public IReadOnlyList<string>? EndorsingOrganizations { get; init; }
    public IReadOnlyList<string>? TargetOrganizations { get; init; }
}

/// <summary>A transaction accepted for ordering: its id, the result endorsement returned, and its commit status on demand.</summary>
public sealed class SubmittedTransaction
{
    private readonly Gateway _gateway;
    private readonly string _channel;
    private CommitStatus? _status;

    internal SubmittedTransaction(Gateway gateway, string channel, string transactionId, byte[] result)
    {
        _gateway = gateway;
        _channel = channel;
        TransactionId = transactionId;
        Result = result;
    }

    public string TransactionId { get; }
    public byte[] Result { get; }

    /// <summary>Waits (up to the commit-status deadline) until the gateway's peer has committed the transaction.</summary>
    public async Task<CommitStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        if (_status is not null) return _status;
        var request = new Protocol.CommitStatusRequest { TransactionId = TransactionId, ChannelId = _channel, Identity = _gateway.Creator };
        var bytes = Google.Protobuf.MessageExtensions.ToByteString(request);
        var signed = new Protocol.SignedCommitStatusRequest { Request = bytes, Signature = Proposals.Sign(_gateway.Options.Signer, bytes) };
        var response = await Gateway.CallAsync(o => _gateway.Client.CommitStatusAsync(signed, o), _gateway.Options.CommitStatusTimeout,
            e => new CommitStatusException(TransactionId, e), cancellationToken);
        return _status = CommitStatus.From(TransactionId, response.Result, response.BlockNumber);
    }
}
