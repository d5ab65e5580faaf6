using System.Security.Cryptography;
using Grpc.Core;

namespace Traceability.Fabric.Tests.Ledger;

public sealed class FailuresNameTheirStage(FabricLedger ledger)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignatureByAnotherKeyIsRefusedAtEvaluateAndAtEndorse()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (channel, gateway) = ledger.Connect(FabricLedger.Producer, o => o with { Signer = Signers.NewPrivateKeySigner(stranger) });
        using var _ = channel;
        var contract = gateway.GetNetwork(ledger.Network.Description.Channel).GetContract(ledger.Network.Description.Chaincode);

        var evaluate = await Assert.ThrowsAsync<EvaluateException>(() => contract.EvaluateTransactionAsync("GetOrg", [FabricLedger.Producer], Ct));
        var endorse = await Assert.ThrowsAsync<EndorseException>(() => contract.SubmitTransactionAsync("AnchorRoot", [FabricLedger.NewHash(), "1"], Ct));

        Assert.NotEqual(StatusCode.OK, evaluate.StatusCode);
        Assert.Null(endorse.ChaincodeError);
        Assert.Matches("^[0-9a-f]{64}$", endorse.TransactionId);
    }

    [Fact]
    public async Task ADeadlineThatPassesIsReportedAsTheStageThatRanOutOfTime()
    {
        var (channel, gateway) = ledger.Connect(FabricLedger.Producer, o => o with { EvaluateTimeout = TimeSpan.FromTicks(1) });
        using var _ = channel;
        var contract = gateway.GetNetwork(ledger.Network.Description.Channel).GetContract(ledger.Network.Description.Chaincode);

        var late = await Assert.ThrowsAsync<EvaluateException>(() => contract.EvaluateTransactionAsync("GetOrg", [FabricLedger.Producer], Ct));

        Assert.Equal(StatusCode.DeadlineExceeded, late.StatusCode);
    }

    [Fact]
    public async Task ACancelledCallThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ledger.Contract(FabricLedger.Producer).SubmitTransactionAsync("AnchorRoot", [FabricLedger.NewHash(), "1"], cancelled.Token));
    }

    [Fact]
    public async Task AnUnknownFunctionIsRefusedByName()
    {
        var refused = await Assert.ThrowsAsync<EvaluateException>(() => ledger.Contract(FabricLedger.Producer).EvaluateTransactionAsync("Mint", ["1"], Ct));

        Assert.Equal("UnknownFunction", refused.ChaincodeError?.Name);
    }
}
