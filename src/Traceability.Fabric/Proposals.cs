using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Traceability.Fabric;

/// <summary>
/// Fabric's transaction messages built and read by hand, because the gateway protocol leaves them to the client:
/// the signed proposal (channel header with the chaincode extension, signature header with creator and nonce,
/// the invocation spec) and the result inside an endorsed transaction envelope.
/// </summary>
internal static class Proposals
{
    public const int NonceLength = 24;

    /// <summary>The transaction id Fabric checks: hex SHA-256 of nonce followed by the serialized creator.</summary>
    public static string TransactionId(ReadOnlySpan<byte> nonce, ByteString creator)
    {
        var buffer = new byte[nonce.Length + creator.Length];
        nonce.CopyTo(buffer);
        creator.Span.CopyTo(buffer.AsSpan(nonce.Length));
        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }

    public static (string TransactionId, Protos.SignedProposal Proposal) Create(
        ByteString creator, Signer signer, string channel, string chaincode, string function,
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, byte[]>? transient, DateTimeOffset now)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var transactionId = TransactionId(nonce, creator);
        var chaincodeId = new Protos.ChaincodeID { Name = chaincode };
        var channelHeader = new Common.ChannelHeader
        {
            Type = (int)Common.HeaderType.EndorserTransaction,
            ChannelId = channel,
            TxId = transactionId,
            Timestamp = Timestamp.FromDateTimeOffset(now),
            Epoch = 0,
            Extension = new Protos.ChaincodeHeaderExtension { ChaincodeId = chaincodeId }.ToByteString(),
        };
        var signatureHeader = new Common.SignatureHeader { Creator = creator, Nonce = ByteString.CopyFrom(nonce) };
        var input = new Protos.ChaincodeInput();
        input.Args.Add(ByteString.CopyFromUtf8(function));
        foreach (var argument in arguments) input.Args.Add(ByteString.CopyFromUtf8(argument));
        var payload = new Protos.ChaincodeProposalPayload
        {
            Input = new Protos.ChaincodeInvocationSpec
            {
                ChaincodeSpec = new Protos.ChaincodeSpec { ChaincodeId = chaincodeId, Input = input },
            }.ToByteString(),
        };
        if (transient is not null)
        {
            foreach (var (key, value) in transient) payload.TransientMap.Add(key, ByteString.CopyFrom(value));
        }
        var proposal = new Protos.Proposal
        {
            Header = new Common.Header { ChannelHeader = channelHeader.ToByteString(), SignatureHeader = signatureHeader.ToByteString() }.ToByteString(),
            Payload = payload.ToByteString(),
        };
        var proposalBytes = proposal.ToByteString();
        return (transactionId, new Protos.SignedProposal { ProposalBytes = proposalBytes, Signature = Sign(signer, proposalBytes) });
    }

    public static ByteString Sign(Signer signer, ByteString message) =>
        ByteString.CopyFrom(signer(SHA256.HashData(message.Span)));

    /// <summary>The chaincode's response payload inside an endorsed transaction (what the transaction function returned).</summary>
    public static byte[] ResultOf(Common.Envelope prepared)
    {
        var payload = Common.Payload.Parser.ParseFrom(prepared.Payload);
        var transaction = Protos.Transaction.Parser.ParseFrom(payload.Data);
        var actionPayload = Protos.ChaincodeActionPayload.Parser.ParseFrom(transaction.Actions[0].Payload);
        var responsePayload = Protos.ProposalResponsePayload.Parser.ParseFrom(actionPayload.Action.ProposalResponsePayload);
        var action = Protos.ChaincodeAction.Parser.ParseFrom(responsePayload.Extension);
        return action.Response.Payload.ToByteArray();
    }
}
