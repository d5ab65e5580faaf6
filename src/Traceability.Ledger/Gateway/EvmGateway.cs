using System.Numerics;
using System.Text.Json.Nodes;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Gateway;

/// <summary>Who signs: an account address and the signer delegate that holds (or reaches) its key.</summary>
public sealed record EvmIdentity(EvmAddress Address, EvmSigner Signer)
{
    public static EvmIdentity From(Secp256k1Key key) => new(key.Address, key.AsSigner());
}

/// <summary>Per-submit settings; a fixed <see cref="GasLimit"/> skips simulation (eth_estimateGas).</summary>
public sealed record SubmitOptions(ulong? GasLimit = null, BigInteger? Value = null);

/// <summary>
/// Connection to one EVM chain, shaped like fabric-gateway: <see cref="GetContract"/> then evaluate
/// (eth_call) or submit (sign locally, send, await the receipt). The gateway does not own the
/// <see cref="JsonRpcClient"/>'s HttpClient.
/// </summary>
public sealed class EvmGateway
{
    private EvmGateway(JsonRpcClient rpc, BigInteger chainId, TimeProvider clock)
    {
        Rpc = rpc;
        ChainId = chainId;
        Nonces = new NonceManager(rpc);
        Fees = new FeeOracle(rpc, clock);
    }

    public JsonRpcClient Rpc { get; }
    public BigInteger ChainId { get; }
    public NonceManager Nonces { get; }
    public FeeOracle Fees { get; }

    /// <summary>How often a receipt is polled for at first; the interval doubles up to 250 ms.</summary>
    public TimeSpan FirstReceiptPoll { get; init; } = TimeSpan.FromMilliseconds(5);

    public static async Task<EvmGateway> ConnectAsync(JsonRpcClient rpc, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        var chainId = Hex.DecodeQuantity(await rpc.CallForStringAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false));
        return new EvmGateway(rpc, chainId, clock ?? TimeProvider.System);
    }

    public EvmContract GetContract(EvmAddress address, ContractAbi abi) => new(this, address, abi);

    public async Task<ulong> GetBlockNumberAsync(CancellationToken cancellationToken) =>
        (ulong)Hex.DecodeQuantity(await Rpc.CallForStringAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false));

    public async Task<BigInteger> GetBalanceAsync(EvmAddress address, CancellationToken cancellationToken) =>
        Hex.DecodeQuantity(await Rpc.CallForStringAsync("eth_getBalance", [address.ToString(), "latest"], cancellationToken).ConfigureAwait(false));

    public async Task<byte[]> GetCodeAsync(EvmAddress address, CancellationToken cancellationToken) =>
        Hex.Decode(await Rpc.CallForStringAsync("eth_getCode", [address.ToString(), "latest"], cancellationToken).ConfigureAwait(false));

    public async Task<string> GetClientVersionAsync(CancellationToken cancellationToken) =>
        await Rpc.CallForStringAsync("web3_clientVersion", [], cancellationToken).ConfigureAwait(false);

    /// <summary>Simulates, signs and sends a transaction in nonce order; returns once the node accepted it.</summary>
    public async Task<SubmittedTransaction> SubmitAsync(
        EvmIdentity from, EvmAddress? to, byte[] data, SubmitOptions? options, ContractAbi? abi, CancellationToken cancellationToken)
    {
        options ??= new SubmitOptions();
        var value = options.Value ?? BigInteger.Zero;
        var gasLimit = options.GasLimit ?? await EstimateGasAsync(from.Address, to, value, data, abi, cancellationToken).ConfigureAwait(false);
        var (maxFee, tip) = await Fees.GetAsync(cancellationToken).ConfigureAwait(false);

        // Another process signing for the same account (a second API instance) may have used the nonce we hold: the
        // node refuses ours outright, nothing of it is pending, so sending again with a fresh nonce is safe.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendAsync(from, to, data, abi, value, gasLimit, maxFee, tip, cancellationToken).ConfigureAwait(false);
            }
            catch (SubmitException ex) when (attempt < 4 && IsNonceTaken(ex))
            {
            }
        }
    }

    private static bool IsNonceTaken(SubmitException ex) =>
        ex.InnerException?.Message is { } message
        && (message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
            || message.Contains("replacement transaction underpriced", StringComparison.OrdinalIgnoreCase));

    private Task<SubmittedTransaction> SendAsync(
        EvmIdentity from, EvmAddress? to, byte[] data, ContractAbi? abi, BigInteger value, ulong gasLimit, BigInteger maxFee, BigInteger tip,
        CancellationToken cancellationToken)
    {
        return Nonces.SendWithNextNonceAsync(from.Address, async nonce =>
        {
            var tx = new Eip1559Transaction(ChainId, nonce, tip, maxFee, gasLimit, to, value, data);
            var raw = tx.Sign(from.Signer);
            var hash = Hex.Encode(Eip1559Transaction.TransactionHash(raw));
            try
            {
                await Rpc.CallAsync("eth_sendRawTransaction", [Hex.Encode(raw)], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is JsonRpcException or LedgerUnavailableException)
            {
                throw new SubmitException($"the node did not accept transaction {hash}: {ex.Message}", hash, ex);
            }
            return new SubmittedTransaction(this, hash, from.Address, nonce, abi);
        }, cancellationToken);
    }

    /// <summary>Logs of <paramref name="address"/> matching the topics (null = any) from a block to the head.</summary>
    public async Task<IReadOnlyList<FoundLog>> GetLogsAsync(
        EvmAddress address, IReadOnlyList<byte[]?> topics, ulong fromBlock, CancellationToken cancellationToken)
    {
        var filter = new JsonObject
        {
            ["address"] = address.ToString(),
            ["fromBlock"] = Hex.EncodeQuantity(fromBlock),
            ["toBlock"] = "latest",
            ["topics"] = new JsonArray(topics.Select(t => (JsonNode?)(t is null ? null : JsonValue.Create(Hex.Encode(t)))).ToArray()),
        };
        var node = await Rpc.CallAsync("eth_getLogs", [filter], cancellationToken).ConfigureAwait(false);
        return (node as JsonArray ?? []).OfType<JsonObject>().Select(ReceiptJson.ParseFoundLog).ToList();
    }

    /// <summary>Reads a receipt once; null while the transaction is not mined.</summary>
    public async Task<TransactionReceipt?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken)
    {
        var node = await Rpc.CallAsync("eth_getTransactionReceipt", [transactionHash], cancellationToken).ConfigureAwait(false);
        return node is JsonObject receipt ? ReceiptJson.Parse(receipt) : null;
    }

    internal async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var delay = FirstReceiptPoll;
        try
        {
            while (true)
            {
                try
                {
                    if (await GetReceiptAsync(transactionHash, deadline.Token).ConfigureAwait(false) is { } receipt) return receipt;
                }
                catch (LedgerUnavailableException) when (!deadline.IsCancellationRequested)
                {
                    // keep polling until the deadline: the node may come back
                }
                await Task.Delay(delay, deadline.Token).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CommitStatusException($"no receipt for {transactionHash} within {timeout.TotalSeconds:0.#} s", transactionHash);
        }
    }

    /// <summary>Re-runs a reverted transaction as a call at its block to learn the revert reason.</summary>
    internal async Task<ContractError?> ReplayRevertAsync(string transactionHash, ulong blockNumber, ContractAbi? abi, CancellationToken cancellationToken)
    {
        if (abi is null) return null;
        try
        {
            var tx = await Rpc.CallAsync("eth_getTransactionByHash", [transactionHash], cancellationToken).ConfigureAwait(false);
            if (tx is not JsonObject t) return null;
            var call = new JsonObject { ["from"] = t["from"]?.DeepClone(), ["to"] = t["to"]?.DeepClone(), ["data"] = t["input"]?.DeepClone(), ["gas"] = t["gas"]?.DeepClone() };
            try
            {
                await Rpc.CallAsync("eth_call", [call.DeepClone(), Hex.EncodeQuantity(blockNumber)], cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (JsonRpcException ex) when (ex.RevertData is null)
            {
                // Nodes that prune history (Anvil --prune-history) refuse old blocks: the latest state
                // still names the error in the cases that matter (already anchored, not registered).
                await Rpc.CallAsync("eth_call", [call, "latest"], cancellationToken).ConfigureAwait(false);
                return null;
            }
        }
        catch (JsonRpcException ex)
        {
            return abi.DecodeRevert(ex.RevertData);
        }
        catch (LedgerUnavailableException)
        {
            return null;
        }
    }

    internal async Task<byte[]> CallAsync(EvmAddress? from, EvmAddress to, byte[] data, ContractAbi abi, CancellationToken cancellationToken)
    {
        var call = new JsonObject { ["to"] = to.ToString(), ["data"] = Hex.Encode(data) };
        if (from is { } f) call["from"] = f.ToString();
        try
        {
            return Hex.Decode(await Rpc.CallForStringAsync("eth_call", [call, "latest"], cancellationToken).ConfigureAwait(false));
        }
        catch (JsonRpcException ex)
        {
            var error = abi.DecodeRevert(ex.RevertData);
            throw new EvaluateException($"call to {to} failed: {error?.ToString() ?? ex.NodeMessage}", error, ex);
        }
    }

    private async Task<ulong> EstimateGasAsync(EvmAddress from, EvmAddress? to, BigInteger value, byte[] data, ContractAbi? abi, CancellationToken cancellationToken)
    {
        var call = new JsonObject { ["from"] = from.ToString(), ["data"] = Hex.Encode(data), ["value"] = Hex.EncodeQuantity(value) };
        if (to is { } t) call["to"] = t.ToString();
        try
        {
            var estimate = (ulong)Hex.DecodeQuantity(await Rpc.CallForStringAsync("eth_estimateGas", [call], cancellationToken).ConfigureAwait(false));
            return estimate + estimate / 5 + 10_000; // headroom: state can change between simulation and mining
        }
        catch (JsonRpcException ex)
        {
            var error = abi?.DecodeRevert(ex.RevertData);
            throw new EndorseException($"simulation reverted: {error?.ToString() ?? ex.NodeMessage}", error, ex);
        }
    }
}
