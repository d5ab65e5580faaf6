using System.Text.Json.Nodes;
using Traceability.Ledger.Evm;

namespace Traceability.Ledger.Gateway;

internal static class ReceiptJson
{
    public static TransactionReceipt Parse(JsonObject r) => new(
        Text(r, "transactionHash"),
        (ulong)Hex.DecodeQuantity(Text(r, "blockNumber")),
        Text(r, "blockHash"),
        Hex.DecodeQuantity(Text(r, "status")) == 1,
        (ulong)Hex.DecodeQuantity(Text(r, "gasUsed")),
        EvmAddress.Parse(Text(r, "from")),
        r["contractAddress"]?.GetValue<string>() is { } created ? EvmAddress.Parse(created) : null,
        (r["logs"] as JsonArray ?? []).OfType<JsonObject>().Select(ParseLog).ToList());

    public static FoundLog ParseFoundLog(JsonObject log) => new(
        ParseLog(log), Text(log, "transactionHash"), (ulong)Hex.DecodeQuantity(Text(log, "blockNumber")));

    private static EventLog ParseLog(JsonObject log) => new(
        EvmAddress.Parse(Text(log, "address")),
        (log["topics"] as JsonArray ?? []).Select(t => Hex.Decode(t!.GetValue<string>())).ToList(),
        Hex.Decode(Text(log, "data")),
        (ulong)Hex.DecodeQuantity(Text(log, "logIndex")));

    private static string Text(JsonObject o, string name) =>
        o[name]?.GetValue<string>() ?? throw new LedgerUnavailableException($"receipt without {name}");
}
