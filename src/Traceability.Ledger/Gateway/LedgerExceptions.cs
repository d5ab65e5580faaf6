namespace Traceability.Ledger.Gateway;

/// <summary>
/// Base of every ledger failure. As in fabric-gateway, each subclass names the stage that failed;
/// from the submit stage on, the transaction hash is known and carried.
/// </summary>
public abstract class LedgerException(string message, string? transactionHash = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>0x-prefixed hash of the signed EVM transaction, when it was signed; a Fabric transaction id (64 hex).</summary>
    public string? TransactionHash { get; } = transactionHash;
}

/// <summary>The node could not be reached or did not answer usefully.</summary>
public sealed class LedgerUnavailableException(string message, Exception? inner = null)
    : LedgerException(message, null, inner);

/// <summary>A read-only call (eth_call, a Fabric evaluate) failed or reverted; Fabric names a transaction id even here.</summary>
public sealed class EvaluateException(string message, ContractError? error, Exception? inner = null, string? transactionHash = null)
    : LedgerException(message, transactionHash, inner)
{
    public ContractError? Error { get; } = error;
}

/// <summary>
/// Simulating the transaction before signing (eth_estimateGas) reverted, or Fabric's endorsement failed: nothing was
/// sent. Fabric's transaction id, fixed before endorsement, is carried.
/// </summary>
public sealed class EndorseException(string message, ContractError? error, Exception? inner = null, string? transactionHash = null)
    : LedgerException(message, transactionHash, inner)
{
    public ContractError? Error { get; } = error;
}

/// <summary>The node (or Fabric's ordering service) refused the signed transaction (bad nonce, fees, funds) or the send failed.</summary>
public sealed class SubmitException(string message, string transactionHash, Exception? inner = null)
    : LedgerException(message, transactionHash, inner);

/// <summary>The transaction was sent but no receipt was seen in time; it may still be mined.</summary>
public sealed class CommitStatusException(string message, string transactionHash, Exception? inner = null)
    : LedgerException(message, transactionHash, inner);

/// <summary>The transaction was mined but reverted (receipt status 0).</summary>
public sealed class CommitException(string message, string transactionHash, ulong blockNumber, ContractError? error)
    : LedgerException(message, transactionHash)
{
    public ulong BlockNumber { get; } = blockNumber;
    public ContractError? Error { get; } = error;
}

/// <summary>A decoded revert: the contract's named custom error, Error(string) or Panic(uint256).</summary>
public sealed record ContractError(string Name, IReadOnlyList<object> Arguments, string RevertData)
{
    public override string ToString() => $"{Name}({string.Join(", ", Arguments.Select(Format))})";

    private static string Format(object value) => value switch
    {
        byte[] bytes => Traceability.Ledger.Evm.Hex.Encode(bytes),
        string s => $"\"{s}\"",
        _ => value.ToString() ?? "",
    };
}
