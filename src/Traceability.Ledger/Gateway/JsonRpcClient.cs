using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Traceability.Ledger.Gateway;

/// <summary>
/// Ethereum JSON-RPC 2.0 over HTTP. The caller owns the <see cref="HttpClient"/>; this client
/// never disposes it, so one HttpClient (and its connection pool) can serve every account.
/// </summary>
public sealed class JsonRpcClient(HttpClient http, Uri endpoint)
{
    private long _nextId;

    public Uri Endpoint { get; } = endpoint;

    /// <summary>Calls <paramref name="method"/>; throws <see cref="JsonRpcException"/> for an error reply
    /// and <see cref="LedgerUnavailableException"/> when the node cannot be reached.</summary>
    public async Task<JsonNode?> CallAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendAsync(method, parameters, cancellationToken).ConfigureAwait(false);
            }
            // A node keeping only the latest state (Anvil --prune-history) can resolve "latest" to a block and
            // then mine the next one before it reads the state: the read is refused although nothing is wrong.
            // Reads are idempotent, so ask again.
            catch (JsonRpcException ex) when (attempt < 4 && IsLatestStateRead(method, parameters) && ex.NodeMessage.Contains("BlockOutOfRange", StringComparison.Ordinal))
            {
            }
        }
    }

    // Only reads at the head: on such a node a read of an old block fails every time.
    private static bool IsLatestStateRead(string method, JsonArray parameters) =>
        method is "eth_call" or "eth_getBalance" or "eth_getCode" or "eth_estimateGas" or "eth_getTransactionCount" or "eth_getStorageAt"
        && !NamesABlockNumber(parameters);

    // A block number is a short hex quantity; addresses (42 characters) and call objects are not.
    private static bool NamesABlockNumber(JsonArray parameters) =>
        parameters.Count > 1 && parameters[^1] is JsonValue block && block.TryGetValue<string>(out var tag)
        && tag.StartsWith("0x", StringComparison.Ordinal) && tag.Length < 42;

    private async Task<JsonNode?> SendAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = parameters.DeepClone(),
        };

        JsonNode? reply;
        try
        {
            using var response = await http.PostAsJsonAsync(Endpoint, request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            reply = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new LedgerUnavailableException($"ledger node {Endpoint} is unreachable: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LedgerUnavailableException($"ledger node {Endpoint} did not answer in time", ex);
        }
        catch (JsonException ex)
        {
            throw new LedgerUnavailableException($"ledger node {Endpoint} sent a reply that is not JSON", ex);
        }

        if (reply is not JsonObject body)
            throw new LedgerUnavailableException($"ledger node {Endpoint} sent an empty reply to {method}");
        if (body["error"] is JsonObject error)
        {
            throw new JsonRpcException(
                method,
                error["code"]?.GetValue<long>() ?? 0,
                error["message"]?.GetValue<string>() ?? "unknown error",
                ExtractRevertData(error["data"]));
        }
        return body["result"];
    }

    public async Task<string> CallForStringAsync(string method, JsonArray parameters, CancellationToken cancellationToken)
    {
        var result = await CallAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        return result?.GetValue<string>()
            ?? throw new LedgerUnavailableException($"ledger node {Endpoint} returned null for {method}");
    }

    // Nodes put revert data either directly in `data` (geth, Anvil) or under `data.data` (some Besu versions).
    private static string? ExtractRevertData(JsonNode? data) => data switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith("0x", StringComparison.Ordinal) => s,
        JsonObject o => ExtractRevertData(o["data"]),
        _ => null,
    };
}

/// <summary>An error reply from the node (code and message as the node sent them).</summary>
public sealed class JsonRpcException(string method, long code, string message, string? revertData)
    : Exception($"{method} failed: {message} (code {code})")
{
    public string Method { get; } = method;
    public long Code { get; } = code;
    public string NodeMessage { get; } = message;
    /// <summary>ABI-encoded revert data when the node reported an execution revert.</summary>
    public string? RevertData { get; } = revertData;
}
