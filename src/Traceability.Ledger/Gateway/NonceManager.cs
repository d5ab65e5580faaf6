using System.Collections.Concurrent;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Gateway;

/// <summary>
/// Hands out nonces per account and sends in nonce order. Nodes such as Anvil strand a transaction
/// whose nonce arrives before its predecessor's, so allocation and sending happen under one lock per
/// account; different accounts proceed in parallel.
/// </summary>
public sealed class NonceManager(JsonRpcClient rpc)
{
    private readonly ConcurrentDictionary<EvmAddress, Account> _accounts = new();

    /// <summary>Runs <paramref name="send"/> with the account's next nonce; on any failure the next
    /// call re-reads the pending nonce from the node, so a refused or lost send never leaves a gap.</summary>
    public async Task<T> SendWithNextNonceAsync<T>(EvmAddress address, Func<ulong, Task<T>> send, CancellationToken cancellationToken)
    {
        var account = _accounts.GetOrAdd(address, _ => new Account());
        await account.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            account.Next ??= await PendingNonceAsync(address, cancellationToken).ConfigureAwait(false);
            var result = await send(account.Next.Value).ConfigureAwait(false);
            account.Next++;
            return result;
        }
        catch
        {
            account.Next = null;
            throw;
        }
        finally
        {
            account.Lock.Release();
        }
    }

    /// <summary>Forgets what is known of the account, e.g. after the chain was restarted.</summary>
    public void Reset(EvmAddress address) => _accounts.TryRemove(address, out _);

    /// <summary>Forgets every account: after an outage the node's pending nonces are the truth again.</summary>
    public void ResetAll() => _accounts.Clear();

    private async Task<ulong> PendingNonceAsync(EvmAddress address, CancellationToken cancellationToken)
    {
        var count = await rpc.CallForStringAsync("eth_getTransactionCount", [address.ToString(), "pending"], cancellationToken)
            .ConfigureAwait(false);
        return (ulong)Hex.DecodeQuantity(count);
    }

    private sealed class Account
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public ulong? Next { get; set; }
    }
}
