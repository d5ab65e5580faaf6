using System.Runtime.CompilerServices;
using Grpc.Core;

namespace Traceability.Fabric;

/// <summary>A channel seen through the gateway: its contracts and its chaincode events.</summary>
public sealed class Network
{
    private readonly Gateway _gateway;

    internal Network(Gateway gateway, string name)
    {
        _gateway = gateway;
        Name = name;
    }

    public string Name { get; }

    /// <summary>A chaincode's contract; <paramref name="contractName"/> selects a named contract ("Contract:Function").</summary>
    public Contract GetContract(string chaincodeName, string? contractName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chaincodeName);
        return new Contract(_gateway, Name, chaincodeName, contractName);
    }

    /// <summary>
    /// The chaincode's events from committed blocks, in order, until cancelled. Starts after the checkpoint when one
    /// is given (the next block it names, skipping that block's transactions up to the checkpointed one), else at
    /// <see cref="ChaincodeEventsOptions.StartBlock"/>, else at the next block committed. The stream has no deadline.
    /// </summary>
    public async IAsyncEnumerable<ChaincodeEvent> GetChaincodeEventsAsync(string chaincodeName, ChaincodeEventsOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chaincodeName);
        var request = new Protocol.ChaincodeEventsRequest { ChannelId = Name, ChaincodeId = chaincodeName, Identity = _gateway.Creator };
        var start = options?.Checkpoint?.BlockNumber ?? options?.StartBlock;
        // Without a start position the gateway begins at the next block it commits.
        if (start is { } block) request.StartPosition = new Orderer.SeekPosition { Specified = new Orderer.SeekSpecified { Number = block } };
        if (options?.Checkpoint?.TransactionId is { } after) request.AfterTransactionId = after;
        var bytes = Google.Protobuf.MessageExtensions.ToByteString(request);
        var signed = new Protocol.SignedChaincodeEventsRequest { Request = bytes, Signature = Proposals.Sign(_gateway.Options.Signer, bytes) };

        using var call = _gateway.Client.ChaincodeEvents(signed, new CallOptions(cancellationToken: cancellationToken));
        while (true)
        {
            Protocol.ChaincodeEventsResponse response;
            try
            {
                if (!await call.ResponseStream.MoveNext(cancellationToken)) yield break;
                response = call.ResponseStream.Current;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("the event stream was cancelled", e, cancellationToken);
            }
            catch (RpcException e)
            {
                throw new ChaincodeEventsException(e);
            }
            foreach (var e in response.Events)
            {
                yield return new ChaincodeEvent(response.BlockNumber, e.TxId, e.ChaincodeId, e.EventName, e.Payload.ToByteArray());
            }
        }
    }
}

/// <summary>Where a chaincode event stream starts.</summary>
public sealed record ChaincodeEventsOptions
{
    public ulong? StartBlock { get; init; }
    public ICheckpoint? Checkpoint { get; init; }
}

/// <summary>An event a transaction set with SetEvent, from a committed (valid) transaction.</summary>
public sealed record ChaincodeEvent(ulong BlockNumber, string TransactionId, string ChaincodeName, string EventName, byte[] Payload);
