using Grpc.Net.Client;

namespace Traceability.Fabric;

/// <summary>
/// What <see cref="Gateway.Connect"/> needs: a gRPC channel to a peer's gateway (the caller owns it and may share it
/// between gateways), the client identity and its signer, and the deadline of each kind of call.
/// Defaults follow fabric-gateway's samples.
/// </summary>
public sealed record GatewayOptions
{
    public required GrpcChannel Client { get; init; }
    public required Identity Identity { get; init; }
    public required Signer Signer { get; init; }

    public TimeSpan EvaluateTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan EndorseTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan SubmitTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan CommitStatusTimeout { get; init; } = TimeSpan.FromMinutes(1);
}
