using System.Text.RegularExpressions;
using Grpc.Core;

namespace Traceability.Fabric;

/// <summary>
/// Base of every failure of a gateway call. As in fabric-gateway, each subclass names the stage that failed and
/// carries the transaction id (known from the moment the proposal is built).
/// </summary>
public abstract class FabricException(string message, string? transactionId, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The transaction concerned; null only for the chaincode event stream.</summary>
    public string? TransactionId { get; } = transactionId;
}

/// <summary>A gRPC call to the gateway failed: its status, and what each peer or orderer involved reported.</summary>
public abstract partial class GatewayException : FabricException
{
    private protected GatewayException(string stage, string? transactionId, RpcException error)
        : base($"{stage}{(transactionId is null ? "" : " of " + transactionId)} failed: {error.Status.StatusCode}: {error.Status.Detail}{Describe(ErrorDetails(error))}", transactionId, error)
    {
        StatusCode = error.Status.StatusCode;
        Details = ErrorDetails(error);
        ChaincodeError = FindChaincodeError(error.Status.Detail, Details);
    }

    public StatusCode StatusCode { get; }

    public IReadOnlyList<ErrorDetail> Details { get; }

    /// <summary>The chaincode's named refusal ("AlreadyAnchored: …") when the chaincode refused the proposal.</summary>
    public ChaincodeError? ChaincodeError { get; }

    private static IReadOnlyList<ErrorDetail> ErrorDetails(RpcException error)
    {
        var status = error.GetRpcStatus();
        if (status is null) return [];
        return status.Details
            .Where(any => any.Is(Protocol.ErrorDetail.Descriptor))
            .Select(any => any.Unpack<Protocol.ErrorDetail>())
            .Select(d => new ErrorDetail(d.Address, d.MspId, d.Message))
            .ToList();
    }

    private static string Describe(IReadOnlyList<ErrorDetail> details) =>
        details.Count == 0 ? "" : " [" + string.Join("; ", details.Select(d => $"{d.MspId}@{d.Address}: {d.Message}")) + "]";

    // The peer reports a chaincode failure as "chaincode response 500, <message>"; ours start with the error's name.
    [GeneratedRegex(@"chaincode response \d+, ([A-Z][A-Za-z]*): (.*)$", RegexOptions.Singleline)]
    private static partial Regex ChaincodeResponse();

    private static ChaincodeError? FindChaincodeError(string detail, IReadOnlyList<ErrorDetail> details)
    {
        foreach (var text in details.Select(d => d.Message).Prepend(detail))
        {
            if (ChaincodeResponse().Match(text) is { Success: true } m) return new ChaincodeError(m.Groups[1].Value, m.Groups[2].Value);
        }
        return null;
    }
}

/// <summary>What one peer or orderer said about a failed call (gateway.ErrorDetail).</summary>
public sealed record ErrorDetail(string Address, string MspId, string Message);

/// <summary>A chaincode's named refusal: the name before the colon and the rest of its message.</summary>
public sealed record ChaincodeError(string Name, string Detail);

/// <summary>Evaluating a transaction (a query on one peer) failed.</summary>
public sealed class EvaluateException(string transactionId, RpcException error) : GatewayException("evaluate", transactionId, error);

/// <summary>Endorsement failed (the chaincode refused, or not enough peers endorsed): nothing was sent for ordering.</summary>
public sealed class EndorseException(string transactionId, RpcException error) : GatewayException("endorse", transactionId, error);

/// <summary>The ordering service did not accept the endorsed transaction.</summary>
public sealed class SubmitException(string transactionId, RpcException error) : GatewayException("submit", transactionId, error);

/// <summary>The commit status could not be read in time; the transaction may still commit.</summary>
public sealed class CommitStatusException(string transactionId, RpcException error) : GatewayException("commit status", transactionId, error);

/// <summary>The transaction was ordered into a block but the peers invalidated it (e.g. MVCC_READ_CONFLICT).</summary>
public sealed class CommitException(CommitStatus status)
    : FabricException($"transaction {status.TransactionId} was invalidated in block {status.BlockNumber}: {status.Code}", status.TransactionId)
{
    public CommitStatus Status { get; } = status;
}

/// <summary>The chaincode event stream could not be opened or broke off.</summary>
public sealed class ChaincodeEventsException(RpcException error) : GatewayException("chaincode events", null, error);
