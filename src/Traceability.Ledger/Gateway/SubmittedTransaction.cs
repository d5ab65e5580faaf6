using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Gateway;

/// <summary>A signed transaction the node accepted; its commit (receipt) can be awaited.</summary>
public sealed class SubmittedTransaction(EvmGateway gateway, string transactionHash, EvmAddress from, ulong nonce, ContractAbi? abi)
{
    public string TransactionHash { get; } = transactionHash;
    public EvmAddress From { get; } = from;
    public ulong Nonce { get; } = nonce;

    /// <summary>Waits for the receipt. Throws <see cref="CommitStatusException"/> when none arrives within
    /// <paramref name="timeout"/> and <see cref="CommitException"/>, with the decoded revert, when it reverted.</summary>
    public async Task<TransactionReceipt> GetCommitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var receipt = await gateway.WaitForReceiptAsync(TransactionHash, timeout, cancellationToken).ConfigureAwait(false);
        if (receipt.Succeeded) return receipt;
        var error = await gateway.ReplayRevertAsync(TransactionHash, receipt.BlockNumber, abi, cancellationToken).ConfigureAwait(false);
        throw new CommitException(
            $"transaction {TransactionHash} reverted in block {receipt.BlockNumber}" + (error is null ? "" : $": {error}"),
            TransactionHash, receipt.BlockNumber, error);
    }
}
