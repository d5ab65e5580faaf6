namespace Traceability.Fabric.Tests.Wire;

public sealed class CheckpointsResumeWhereTheyStopped
{
    [Fact]
    public async Task AFileCheckpointIsReadBackAfterReopening()
    {
        var path = Path.Combine(Path.GetTempPath(), $"checkpoint-{Guid.NewGuid():N}.json");
        try
        {
            var first = await FileCheckpointer.OpenAsync(path, TestContext.Current.CancellationToken);
            Assert.Null(first.BlockNumber);
            await first.CheckpointTransactionAsync(7, "tx-7", TestContext.Current.CancellationToken);

            var reopened = await FileCheckpointer.OpenAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal((7UL, "tx-7"), (reopened.BlockNumber!.Value, reopened.TransactionId));

            await reopened.CheckpointBlockAsync(7, TestContext.Current.CancellationToken);
            var again = await FileCheckpointer.OpenAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(8UL, again.BlockNumber);
            Assert.Null(again.TransactionId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AnEventCheckpointNamesItsBlockAndTransaction()
    {
        ICheckpointer checkpointer = new InMemoryCheckpointer();
        await checkpointer.CheckpointChaincodeEventAsync(new ChaincodeEvent(12, "tx-a", "cc", "Anchored", []), TestContext.Current.CancellationToken);
        Assert.Equal((12UL, "tx-a"), (checkpointer.BlockNumber!.Value, checkpointer.TransactionId));
    }
}
