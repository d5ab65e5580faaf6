using System.Text.Json;

namespace Traceability.Fabric;

/// <summary>Where an event reader stopped: the next block to read and, within it, the last transaction handled.</summary>
public interface ICheckpoint
{
    ulong? BlockNumber { get; }
    string? TransactionId { get; }
}

/// <summary>Records progress through an event stream so a later stream resumes just after it (as fabric-gateway's Checkpointer).</summary>
public interface ICheckpointer : ICheckpoint
{
    /// <summary>Every event of the block was handled: resume at the next block.</summary>
    Task CheckpointBlockAsync(ulong blockNumber, CancellationToken cancellationToken = default);

    /// <summary>Events up to this transaction were handled: resume after it in the same block.</summary>
    Task CheckpointTransactionAsync(ulong blockNumber, string transactionId, CancellationToken cancellationToken = default);

    Task CheckpointChaincodeEventAsync(ChaincodeEvent chaincodeEvent, CancellationToken cancellationToken = default) =>
        CheckpointTransactionAsync(chaincodeEvent.BlockNumber, chaincodeEvent.TransactionId, cancellationToken);
}

public sealed class InMemoryCheckpointer : ICheckpointer
{
    public ulong? BlockNumber { get; private set; }
    public string? TransactionId { get; private set; }

    public Task CheckpointBlockAsync(ulong blockNumber, CancellationToken cancellationToken = default)
    {
        (BlockNumber, TransactionId) = (blockNumber + 1, null);
        return Task.CompletedTask;
    }

    public Task CheckpointTransactionAsync(ulong blockNumber, string transactionId, CancellationToken cancellationToken = default)
    {
        (BlockNumber, TransactionId) = (blockNumber, transactionId);
        return Task.CompletedTask;
    }
}

/// <summary>A checkpoint kept in a small JSON file, replaced atomically on every update, so it survives restarts.</summary>
public sealed class FileCheckpointer : ICheckpointer
{
    private readonly string _path;

    private FileCheckpointer(string path, ulong? blockNumber, string? transactionId)
    {
        _path = path;
        BlockNumber = blockNumber;
        TransactionId = transactionId;
    }

    public ulong? BlockNumber { get; private set; }
    public string? TransactionId { get; private set; }

    /// <summary>Reads the checkpoint at <paramref name="path"/>, or starts an empty one when the file does not exist.</summary>
    public static async Task<FileCheckpointer> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path)) return new FileCheckpointer(path, null, null);
        await using var stream = File.OpenRead(path);
        var saved = await JsonSerializer.DeserializeAsync<Saved>(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no checkpoint");
        return new FileCheckpointer(path, saved.BlockNumber, saved.TransactionId);
    }

    public Task CheckpointBlockAsync(ulong blockNumber, CancellationToken cancellationToken = default) =>
        SaveAsync(blockNumber + 1, null, cancellationToken);

    public Task CheckpointTransactionAsync(ulong blockNumber, string transactionId, CancellationToken cancellationToken = default) =>
        SaveAsync(blockNumber, transactionId, cancellationToken);

    private async Task SaveAsync(ulong blockNumber, string? transactionId, CancellationToken cancellationToken)
    {
        var temporary = _path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new Saved(blockNumber, transactionId)), cancellationToken);
        File.Move(temporary, _path, overwrite: true);
        (BlockNumber, TransactionId) = (blockNumber, transactionId);
    }

    private sealed record Saved(ulong? BlockNumber, string? TransactionId);
}
