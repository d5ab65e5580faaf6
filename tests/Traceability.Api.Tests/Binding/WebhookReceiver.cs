using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// A subscriber's webhook endpoint: a real HTTP server on a free 127.0.0.1 port that records every delivery and can
/// be told to fail (503) the next few.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failNext;

    private WebhookReceiver(WebApplication app) => _app = app;

    public sealed record Delivery(string Path, byte[] Body, string? Signature, JsonObject Document, bool Answered2xx)
    {
        public IEnumerable<JsonObject> Events => Document["epcisBody"]!["queryResults"]!["resultsBody"]!["eventList"]!.AsArray().Select(e => e!.AsObject());
        public IEnumerable<string> EventIds => Events.Select(e => e["eventID"]!.GetValue<string>());
        public string? SubscriptionId => Document["epcisBody"]!["queryResults"]!["subscriptionID"]?.GetValue<string>();
    }

    /// <summary>Every request received, failed ones included, in order.</summary>
    public ConcurrentQueue<Delivery> Received { get; } = new();

    public Uri Url { get; private set; } = null!;

    public Uri Hook(string name) => new(Url, "/hooks/" + name);

    /// <summary>The next <paramref name="count"/> deliveries are answered 503.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failNext, count);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/{name}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var fail = Interlocked.Decrement(ref receiver._failNext) >= 0;
            receiver.Received.Enqueue(new Delivery(context.Request.Path, buffer.ToArray(), context.Request.Headers["GS1-Signature"].FirstOrDefault(),
                JsonNode.Parse(buffer.ToArray())!.AsObject(), !fail));
            return fail ? Results.StatusCode(503) : Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address);
        return receiver;
    }

    /// <summary>The acknowledged deliveries to one hook.</summary>
    public IReadOnlyList<Delivery> To(string name) => Received.Where(d => d.Path == "/hooks/" + name && d.Answered2xx).ToList();

    /// <summary>Waits until the acknowledged deliveries to a hook carry <paramref name="eventId"/>.</summary>
    public async Task<Delivery> WaitForEventAsync(string name, string eventId, TimeSpan? timeout = null)
    {
        var end = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < end)
        {
            if (To(name).FirstOrDefault(d => d.EventIds.Contains(eventId) || d.Events.Any(e => e["view:viewOf"]?.GetValue<string>() == eventId)) is { } found)
                return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"hook {name} did not receive {eventId}; it got {string.Join(", ", To(name).SelectMany(d => d.EventIds))}");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
