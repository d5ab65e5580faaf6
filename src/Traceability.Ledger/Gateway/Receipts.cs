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
