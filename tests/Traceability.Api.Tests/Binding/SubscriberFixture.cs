using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Testing;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// The API as a test subscriber meets it: webhooks may go to a loopback receiver (AllowPrivateDestinations), and the
/// worker polls and retries quickly so deliveries arrive within a test's patience.
/// </summary>
public class SubscriberFixture : ApiFixture
{
    public WebhookReceiver Receiver { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings(AnvilNode chain)
    {
        var settings = base.Settings(chain);
        settings["Trace:Subscriptions:AllowPrivateDestinations"] = "true";
        settings["Trace:Subscriptions:PollInterval"] = "00:00:00.100";
        settings["Trace:Subscriptions:FirstBackoff"] = "00:00:00.200";
        return settings;
    }

    public override async ValueTask InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>Named queries and subscriptions as a client makes them.</summary>
internal static class Subscribing
{
    public static async Task CreateQueryAsync(this HttpClient client, string name, JsonObject query)
    {
        var response = await client.PostAsJsonAsync("/queries", new JsonObject { ["name"] = name, ["query"] = query });
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"creating query {name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<string> SubscribeAsync(this HttpClient client, string query, JsonObject subscription)
    {
        var response = await client.PostAsJsonAsync($"/queries/{query}/subscriptions", subscription);
        var body = await response.Body();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"subscribing to {query}: {response.StatusCode} {body}");
        return body["subscriptionID"]!.GetValue<string>();
    }

    public static JsonObject LotQuery(string lot) => new() { ["MATCH_epcClass"] = new JsonArray(Epcis.LotClass(lot)) };

    /// <summary>What a receiver computes to check a delivery: HMAC-SHA256 of the body bytes under the shared token.</summary>
    public static string ExpectedSignature(byte[] body, string token) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), body));

    public static string NewLot() => "S" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
}
