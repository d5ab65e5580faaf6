using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Gateway;

public sealed record EventLog(EvmAddress Address, IReadOnlyList<byte[]> Topics, byte[] Data, ulong LogIndex);

public sealed record TransactionReceipt(
    string TransactionHash,
    ulong BlockNumber,
    string BlockHash,
    bool Succeeded,
    ulong GasUsed,
    EvmAddress From,
    EvmAddress? ContractAddress,
    IReadOnlyList<EventLog> Logs);

/// <summary>A log found by <c>eth_getLogs</c>, with the transaction and block it came from.</summary>
public sealed record FoundLog(EventLog Log, string TransactionHash, ulong BlockNumber);
