using Google.Protobuf;

namespace Traceability.Fabric;

/// <summary>The channel's height: blocks committed (the latest block is <c>Height - 1</c>) and the latest block's hash.</summary>
public sealed record ChainInfo(ulong Height, byte[] CurrentBlockHash)
{
    public ulong LatestBlock => Height == 0 ? 0 : Height - 1;
}

/// <summary>
/// Questions about the ledger itself, asked of the peer's query system chaincode (qscc) through the gateway's
/// Evaluate, as fabric-gateway's own samples do: <c>GetChainInfo</c> and <c>GetBlockByTxID</c>. The answers are
/// protobuf (common.BlockchainInfo, common.Block); the caller needs the channel's Readers rights.
/// </summary>
public static class LedgerQueries
{
    private const string Qscc = "qscc";

    /// <summary>The channel's height as the gateway's peer knows it.</summary>
    public static async Task<ChainInfo> GetChainInfoAsync(this Network network, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var bytes = await network.GetContract(Qscc).EvaluateTransactionAsync("GetChainInfo", [network.Name], cancellationToken);
        var info = Parse(Common.BlockchainInfo.Parser, bytes, "GetChainInfo");
        return new ChainInfo(info.Height, info.CurrentBlockHash.ToByteArray());
    }

    /// <summary>The number of the block holding transaction <paramref name="transactionId"/>.</summary>
    public static async Task<ulong> GetBlockNumberByTransactionIdAsync(this Network network, string transactionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        var bytes = await network.GetContract(Qscc).EvaluateTransactionAsync("GetBlockByTxID", [network.Name, transactionId], cancellationToken);
        // Only the header is needed; a block of a few hundred transactions parses in well under a millisecond.
        var block = Parse(Common.Block.Parser, bytes, "GetBlockByTxID");
        return block.Header?.Number ?? throw new InvalidDataException($"GetBlockByTxID({transactionId}) returned a block without a header");
    }

    private static T Parse<T>(MessageParser<T> parser, byte[] bytes, string function) where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"qscc {function} returned bytes that are not its protobuf answer: {e.Message}", e);
        }
    }
}
