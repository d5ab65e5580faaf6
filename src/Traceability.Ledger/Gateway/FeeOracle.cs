using System.Numerics;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Gateway;

/// <summary>
/// EIP-1559 fees: max fee = 2 × latest base fee + tip, which stays valid through several blocks of
/// base-fee growth. Cached briefly so a burst of transactions costs one lookup, not one each.
/// </summary>
public sealed class FeeOracle(JsonRpcClient rpc, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (BigInteger MaxFee, BigInteger Tip, DateTimeOffset At)? _cached;

    public async Task<(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas)> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } c && clock.GetUtcNow() - c.At < CacheFor) return (c.MaxFee, c.Tip);
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && clock.GetUtcNow() - again.At < CacheFor) return (again.MaxFee, again.Tip);
            var block = await rpc.CallAsync("eth_getBlockByNumber", ["latest", false], cancellationToken).ConfigureAwait(false);
            var baseFee = block?["baseFeePerGas"]?.GetValue<string>() is { } b ? Hex.DecodeQuantity(b) : BigInteger.Zero;
            var tip = await TipAsync(cancellationToken).ConfigureAwait(false);
            var maxFee = 2 * baseFee + tip;
            _cached = (maxFee, tip, clock.GetUtcNow());
            return (maxFee, tip);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<BigInteger> TipAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Hex.DecodeQuantity(await rpc.CallForStringAsync("eth_maxPriorityFeePerGas", [], cancellationToken).ConfigureAwait(false));
        }
        catch (JsonRpcException)
        {
            return BigInteger.Zero; // nodes without the method (free-gas private networks) take no tip
        }
    }
}
