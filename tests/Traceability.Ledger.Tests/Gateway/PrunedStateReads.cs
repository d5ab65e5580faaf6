using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Ledger.Gateway;

namespace Traceability.Ledger.Tests.Gateway;

/// <summary>
/// A node that keeps only the latest state (Anvil --prune-history) sometimes refuses a read at "latest" because it
/// mined a block in between. The node's replies are the seam here: a handler answers as Anvil does.
/// </summary>
public sealed class PrunedStateReads
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string OutOfRange = """{"code":-32602,"message":"BlockOutOfRangeError: block height is 55 but requested was 54"}""";

    [Fact]
    public async Task AStateReadRefusedForARaceWithTheMinerIsAskedAgain()
    {
        var node = new ScriptedNode(OutOfRange, OutOfRange, null);
        var rpc = new JsonRpcClient(new HttpClient(node), new Uri("http://127.0.0.1:1/"));

        var result = await rpc.CallForStringAsync("eth_call", [new JsonObject { ["to"] = "0x01" }, "latest"], Ct);

        Assert.Equal("0x2a", result);
        Assert.Equal(3, node.Requests);
    }

    [Fact]
    public async Task ARefusalThatPersistsIsReportedAfterAFewTries()
    {
        var node = new ScriptedNode(OutOfRange, OutOfRange, OutOfRange, OutOfRange, OutOfRange);
        var rpc = new JsonRpcClient(new HttpClient(node), new Uri("http://127.0.0.1:1/"));

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => rpc.CallAsync("eth_getBalance", ["0x01", "latest"], Ct));

        Assert.Contains("BlockOutOfRange", error.NodeMessage);
        Assert.Equal(4, node.Requests);
    }

    [Fact]
    public async Task AReadOfAnOldBlockIsNotRetried()
    {
        var node = new ScriptedNode(OutOfRange, null);
        var rpc = new JsonRpcClient(new HttpClient(node), new Uri("http://127.0.0.1:1/"));

        await Assert.ThrowsAsync<JsonRpcException>(() => rpc.CallAsync("eth_call", [new JsonObject { ["to"] = "0x01" }, "0x36"], Ct));

        Assert.Equal(1, node.Requests);
    }

    [Fact]
    public async Task ATransactionIsNeverSentTwice()
    {
        var node = new ScriptedNode(OutOfRange, null);
        var rpc = new JsonRpcClient(new HttpClient(node), new Uri("http://127.0.0.1:1/"));

        await Assert.ThrowsAsync<JsonRpcException>(() => rpc.CallAsync("eth_sendRawTransaction", ["0x02"], Ct));

        Assert.Equal(1, node.Requests);
    }

    /// <summary>Answers each request with the next scripted error, or with the result 0x2a for null.</summary>
    private sealed class ScriptedNode(params string?[] errors) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var id = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!["id"]!.GetValue<long>();
            var error = errors[Requests++];
            var body = error is null ? $$"""{"jsonrpc":"2.0","id":{{id}},"result":"0x2a"}""" : $$"""{"jsonrpc":"2.0","id":{{id}},"error":{{error}}}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
