using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// GET /queries/{name}/events upgraded to a WebSocket streams the query's new matching events (stream=true), one
/// EPCISQueryDocument per message, and closes when the query is deleted.
/// </summary>
public sealed class WebSocketStreams(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<WebSocket> ConnectAsync(TestOrg org, string query)
    {
        var client = api.Factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + org.ApiKey;
        return await client.ConnectAsync(new Uri(api.Factory.Server.BaseAddress, $"/queries/{query}/events?stream=true").ToWs(), Ct);
    }

    private static async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync(WebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var buffer = new byte[1 << 16];
        using var text = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Write(buffer, 0, received.Count);
        } while (!received.EndOfMessage);
        return (received.MessageType, Encoding.UTF8.GetString(text.ToArray()));
    }

    [Fact]
    public async Task NewMatchingEventsAreStreamedAsTheyAreCaptured()
    {
        var farm = await api.SharedOrgAsync("producer");
        var lot = Subscribing.NewLot();
        await farm.Client.CreateQueryAsync("ws-" + lot, Subscribing.LotQuery(lot));
        using var socket = await ConnectAsync(farm, "ws-" + lot);

        await farm.Client.PostEvent(Epcis.Commission(Subscribing.NewLot()));
        var id = (await (await farm.Client.PostEvent(Epcis.Commission(lot))).Body())["eventId"]!.GetValue<string>();

        var (type, text) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Text, type);
        var events = JsonNode.Parse(text)!["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray();
        Assert.Equal(id, Assert.Single(events)!["eventID"]!.GetValue<string>());

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await farm.Client.DeleteAsync("/queries/ws-" + lot, Ct)).StatusCode);
        var (closing, _) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Close, closing);
        Assert.Equal("query deleted", socket.CloseStatusDescription);
    }

    [Fact]
    public async Task WithoutStreamOrScheduleTheUpgradeIsRefused()
    {
        var farm = await api.SharedOrgAsync("producer");
        await farm.Client.CreateQueryAsync("ws-bad", Subscribing.LotQuery("X"));
        var client = api.Factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + farm.ApiKey;

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(new Uri(api.Factory.Server.BaseAddress, "/queries/ws-bad/events").ToWs(), Ct));

        Assert.Contains("400", refused.Message);
    }

    [Fact]
    public async Task AnOrganisationHoldsAtMostTenStreamsOpen()
    {
        var farm = await api.CreateOrgAsync("producer");
        var query = "cap-" + Subscribing.NewLot();
        await farm.Client.CreateQueryAsync(query, Subscribing.LotQuery(Subscribing.NewLot()));
        var open = new List<WebSocket>();
        try
        {
            for (var i = 0; i < 10; i++) open.Add(await ConnectAsync(farm, query));
            Assert.All(open, s => Assert.Equal(WebSocketState.Open, s.State));
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(farm, query));
            Assert.Contains("429", refused.Message, StringComparison.Ordinal);

            var other = await api.CreateOrgAsync("producer");
            await other.Client.CreateQueryAsync(query, Subscribing.LotQuery(Subscribing.NewLot()));
            using var theirs = await ConnectAsync(other, query); // the cap is each organisation's own
            Assert.Equal(WebSocketState.Open, theirs.State);
        }
        finally
        {
            foreach (var s in open) s.Dispose();
        }
    }
}

internal static class WsUris
{
    public static Uri ToWs(this Uri uri) => new UriBuilder(uri) { Scheme = uri.Scheme == "https" ? "wss" : "ws" }.Uri;

}
