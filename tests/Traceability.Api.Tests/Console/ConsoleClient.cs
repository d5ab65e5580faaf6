using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Infrastructure;

namespace Traceability.Api.Tests.Console;

/// <summary>
/// A signed-in console session over HTTP: the cookie is carried by hand (HttpClient's cookie container would not send
/// a Secure cookie over the test's http), so tests see exactly what the server set.
/// </summary>
public sealed record ConsoleClient(HttpClient Http, string SessionId, string CsrfToken, string SetCookie, JsonObject Session)
{
    public const string CookieName = "__Host-trace-session";

    public static async Task<ConsoleClient> SignInAsync(ApiFixture api, string bearer, CancellationToken ct)
    {
        using var signer = api.As(bearer);
        var response = await signer.PostAsync("/console/session", null, ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in failed: {response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        var id = setCookie[(CookieName.Length + 1)..].Split(';')[0];
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        var http = api.Factory.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={id}");
        return new ConsoleClient(http, id, body["csrfToken"]!.GetValue<string>(), setCookie, body);
    }

    /// <summary>A state-changing request with the session's CSRF token (or another one).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? json, CancellationToken ct, string? csrf = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = JsonContent.Create(json);
        request.Headers.Add("X-CSRF-Token", csrf ?? CsrfToken);
        return Http.SendAsync(request, ct);
    }

    public static HttpClient WithCookie(ApiFixture api, string id)
    {
        var http = api.Factory.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={id}");
        return http;
    }
}
