using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Google.Protobuf;

namespace Traceability.Fabric.Tests.Wire;

/// <summary>A signed proposal read back field by field: what the peers verify before running the chaincode.</summary>
public sealed class ProposalsCarryWhatFabricChecks
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ByteString Creator = new Msp.SerializedIdentity { Mspid = "Org1MSP", IdBytes = ByteString.CopyFromUtf8("-----BEGIN CERTIFICATE-----") }.ToByteString();

    [Fact]
    public void EveryFieldRoundTripsForAnyFunctionAndArguments()
    {
        var text = Gen.String[Gen.Char.AlphaNumeric, 1, 20];
        Gen.Select(text, Gen.String.Array[0, 5]).Sample((function, arguments) =>
        {
            var now = DateTimeOffset.FromUnixTimeMilliseconds(1_797_000_000_000);
            var (txId, signed) = Proposals.Create(Creator, Signers.NewPrivateKeySigner(Key), "trace", "trace-registry", function, arguments,
                new Dictionary<string, byte[]> { ["secret"] = [1, 2] }, now);

            var proposal = Protos.Proposal.Parser.ParseFrom(signed.ProposalBytes);
            var header = Common.Header.Parser.ParseFrom(proposal.Header);
            var channel = Common.ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
            var signature = Common.SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
            Assert.Equal((int)Common.HeaderType.EndorserTransaction, channel.Type);
            Assert.Equal("trace", channel.ChannelId);
            Assert.Equal(txId, channel.TxId);
            Assert.Equal(now, channel.Timestamp.ToDateTimeOffset());
            Assert.Equal("trace-registry", Protos.ChaincodeHeaderExtension.Parser.ParseFrom(channel.Extension).ChaincodeId.Name);
            Assert.Equal(Creator, signature.Creator);
            Assert.Equal(Proposals.NonceLength, signature.Nonce.Length);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. signature.Nonce, .. Creator])), txId);

            var payload = Protos.ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
            var spec = Protos.ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input).ChaincodeSpec;
            Assert.Equal("trace-registry", spec.ChaincodeId.Name);
            Assert.Equal([function, .. arguments], spec.Input.Args.Select(a => a.ToStringUtf8()));
            Assert.Equal([1, 2], payload.TransientMap["secret"].ToByteArray());

            Assert.True(Key.VerifyData(signed.ProposalBytes.Span, signed.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            Assert.True(Signers.IsLowS(signed.Signature.ToByteArray()));
        }, iter: 200);
    }

    [Fact]
    public void TwoProposalsOfTheSameCallHaveDifferentTransactionIds()
    {
        var signer = Signers.NewPrivateKeySigner(Key);
        var a = Proposals.Create(Creator, signer, "trace", "cc", "f", [], null, DateTimeOffset.UtcNow);
        var b = Proposals.Create(Creator, signer, "trace", "cc", "f", [], null, DateTimeOffset.UtcNow);
        Assert.NotEqual(a.TransactionId, b.TransactionId);
    }

    [Fact]
    public void TheResultIsReadFromInsideAnEndorsedTransaction()
    {
        var action = new Protos.ChaincodeAction { Response = new Protos.Response { Status = 200, Payload = ByteString.CopyFromUtf8("{\"org\":\"Org1MSP\"}") } };
        var responsePayload = new Protos.ProposalResponsePayload { Extension = action.ToByteString() };
        var actionPayload = new Protos.ChaincodeActionPayload { Action = new Protos.ChaincodeEndorsedAction { ProposalResponsePayload = responsePayload.ToByteString() } };
        var transaction = new Protos.Transaction { Actions = { new Protos.TransactionAction { Payload = actionPayload.ToByteString() } } };
        var envelope = new Common.Envelope { Payload = new Common.Payload { Data = transaction.ToByteString() }.ToByteString() };

        Assert.Equal("{\"org\":\"Org1MSP\"}", Encoding.UTF8.GetString(Proposals.ResultOf(envelope)));
    }
}
