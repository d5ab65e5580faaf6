using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Gateway;

/// <summary>A deployed contract on a gateway's chain: evaluate reads, submit writes.</summary>
public sealed class EvmContract(EvmGateway gateway, EvmAddress address, ContractAbi abi)
{
    public EvmGateway Gateway { get; } = gateway;
    public EvmAddress Address { get; } = address;
    public ContractAbi Abi { get; } = abi;

    /// <summary>Runs a view function (eth_call at the latest block) and decodes its outputs.</summary>
    public async Task<object[]> EvaluateAsync(string function, object[] args, CancellationToken cancellationToken)
    {
        var fn = Abi.Function(function);
        var output = await Gateway.CallAsync(null, Address, fn.Encode(args), Abi, cancellationToken).ConfigureAwait(false);
        try
        {
            return fn.DecodeOutput(output);
        }
        catch (FormatException ex)
        {
            throw new EvaluateException($"{function} returned data that does not decode (is {Address} this contract?)", null, ex);
        }
    }

    /// <summary>Signs and sends; returns once the node accepted the transaction (fabric-gateway's submitAsync).</summary>
    public Task<SubmittedTransaction> SubmitAsync(
        EvmIdentity signer, string function, object[] args, SubmitOptions? options, CancellationToken cancellationToken) =>
        Gateway.SubmitAsync(signer, Address, Abi.Function(function).Encode(args), options, Abi, cancellationToken);

    /// <summary>Signs, sends and waits for a successful receipt (fabric-gateway's submitTransaction).</summary>
    public async Task<TransactionReceipt> SubmitTransactionAsync(
        EvmIdentity signer, string function, object[] args, TimeSpan commitTimeout, CancellationToken cancellationToken, SubmitOptions? options = null)
    {
        var submitted = await SubmitAsync(signer, function, args, options, cancellationToken).ConfigureAwait(false);
        return await submitted.GetCommitAsync(commitTimeout, cancellationToken).ConfigureAwait(false);
    }

    public IEnumerable<DecodedEvent> DecodeEvents(TransactionReceipt receipt) =>
        receipt.Logs.Where(l => l.Address == Address).Select(Abi.DecodeLog).OfType<DecodedEvent>();
}
