using Google.Protobuf;
using Grpc.Core;

namespace Traceability.Fabric;

/// <summary>
/// A connection to a Fabric peer's gateway as one client identity, shaped like hyperledger/fabric-gateway:
/// <c>Gateway.Connect(options).GetNetwork(channel).GetContract(chaincode)</c>. Disposing it does not close the
/// gRPC channel, which belongs to the caller.
/// </summary>
public sealed class Gateway : IDisposable
{
    private Gateway(GatewayOptions options)
    {
        Options = options;
        Client = new Protocol.Gateway.GatewayClient(options.Client);
        Creator = options.Identity.Serialize();
    }

    public Identity Identity => Options.Identity;

    internal GatewayOptions Options { get; }
    internal Protocol.Gateway.GatewayClient Client { get; }
    internal ByteString Creator { get; }

    public static Gateway Connect(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Gateway(options);
    }

    public Network GetNetwork(string channelName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelName);
        return new Network(this, channelName);
    }

    public void Dispose()
    {
    }

    /// <summary>One unary call with the stage's deadline and the caller's token; gRPC failures become the stage's exception.</summary>
    internal static async Task<T> CallAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> call, TimeSpan timeout,
        Func<RpcException, Exception> failure, CancellationToken cancellationToken)
    {
        try
        {
            return await call(new CallOptions(deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the call was cancelled", e, cancellationToken);
        }
        catch (RpcException e)
        {
            throw failure(e);
        }
    }
}
