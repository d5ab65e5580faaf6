using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Traceability.Api.Subscriptions;

/// <summary>
/// Sends one delivery to a subscriber's <c>dest</c>: the EPCISQueryDocument as JSON-LD, signed with the subscriber's
/// <c>signatureToken</c> in the binding's <c>GS1-Signature</c> header as <c>sha256=</c> and the lower-case hex of
/// HMAC-SHA256(key = the token's UTF-8 bytes, message = the exact body bytes). Connections go through
/// <see cref="DestinationGuard.ConnectAsync"/>; redirects are not followed and no proxy is used, so nothing reaches an
/// address the guard has not judged. Only the status is read from the answer.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string SignatureHeader = "GS1-Signature";

    private readonly HttpClient _http;

    public WebhookSender(DestinationGuard guard, IOptions<SubscriptionOptions> options)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = guard.ConnectAsync,
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2), // names are resolved and judged again at least this often
            MaxResponseHeadersLength = 64,
        };
        _http = new HttpClient(handler) { Timeout = options.Value.DeliveryTimeout };
    }

    /// <summary>The body's signature as the GS1-Signature header carries it.</summary>
    public static string Sign(byte[] body, string token) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), body));

    /// <summary>Null when the receiver answered 2xx; else why not, for the subscription's last error.</summary>
    public async Task<string?> SendAsync(Uri dest, JsonObject document, string? signatureToken, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(document.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, dest) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ld+json") { CharSet = "utf-8" };
        request.Headers.Add("GS1-EPCIS-Version", Binding.EpcisBinding.EpcisVersion);
        request.Headers.Add("GS1-CBV-Version", Binding.EpcisBinding.CbvVersion);
        if (signatureToken is not null) request.Headers.Add(SignatureHeader, Sign(body, signatureToken));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"{dest.Host} answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return $"{dest.Host}: {e.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{dest.Host} did not answer in time";
        }
    }

    public void Dispose() => _http.Dispose();
}
