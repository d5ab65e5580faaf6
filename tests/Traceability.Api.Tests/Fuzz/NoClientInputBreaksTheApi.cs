using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Testing;

namespace Traceability.Api.Tests.Fuzz;

/// <summary>
/// The API on Kestrel (real HTTP parsing, as clients meet it) for the fuzz test; failed authentications are not
/// rate-limited, so every request reaches its endpoint.
/// </summary>
public sealed class FuzzFixture : Browser.KestrelApiFixture
{
    protected override IDictionary<string, string?> Settings(AnvilNode chain)
    {
        var settings = base.Settings(chain);
        settings["Trace:Limits:FailedAuthenticationsPerMinute"] = "1000000";
        settings["Trace:Limits:RequestsPerSecondPerKey"] = "100000";
        return settings;
    }
}

/// <summary>
/// Drives every endpoint the API maps with generated and mutated paths, query strings, headers and bodies (valid
/// seeds for each resource, then mutated: values of the wrong type, huge and non-finite numbers, control and
/// non-BMP characters, invalid UTF-8, duplicate keys, truncation, deep nesting, wrong media types, every role and
/// none). No answer may be a 5xx, and an answer in the 4xx range must leave the store exactly as it was.
/// The budget is bounded (<see cref="Iterations"/> requests); CsCheck prints the seed of a failure to replay it.
/// </summary>
public sealed class NoClientInputBreaksTheApi(FuzzFixture api) : IClassFixture<FuzzFixture>
{
    private const int Iterations = 1500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Case(string Caller, string Method, string Path, string? ContentType, byte[]? Body, string? Header)
    {
        public override string ToString() =>
            $"{Method} {Path} as {Caller} [{ContentType}] {(Body is null ? "" : Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 400)]))} {Header}";
    }

    [Fact]
    public async Task NothingAClientSendsGivesA5xxOrChangesTheStoreOnA4xx()
    {
        var callers = new Dictionary<string, HttpClient?> { ["anonymous"] = api.Anonymous, ["admin"] = api.Admin(), ["garbage"] = api.As("trk_not-a-key") };
        foreach (var role in new[] { "producer", "distributor", "lab", "retailer", "regulator" }) callers[role] = (await api.SharedOrgAsync(role)).Client;
        var seeds = await Seeds.CreateAsync(api, Ct);
        var templates = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText ?? "/")))
            .Distinct().OrderBy(t => t.Item2, StringComparer.Ordinal).ThenBy(t => t.m, StringComparer.Ordinal).ToArray();
        Assert.True(templates.Length > 30, $"only {templates.Length} endpoints found");
        var database = Path.Combine(api.DataDir, "trace.db");
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        await FuzzCases.Case(templates, callers.Keys.ToArray(), seeds).SampleAsync(async c =>
        {
            var before = StoreFingerprint.Of(database);
            HttpRequestMessage request;
            try
            {
                request = new HttpRequestMessage(new HttpMethod(c.Method), c.Path);
            }
            catch (UriFormatException)
            {
                return; // no HTTP client can send this path
            }
            if (c.Body is not null)
            {
                request.Content = new ByteArrayContent(c.Body);
                if (c.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }
            if (c.Header is { } header) request.Headers.TryAddWithoutValidation(header.Split(':')[0], header[(header.IndexOf(':') + 1)..]);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(c.Path.Length % 2 == 0 ? "application/json" : "text/html"));
            using var sent = request;
            using var response = await callers[c.Caller]!.SendAsync(request, Ct);
            var status = (int)response.StatusCode;
            lock (statuses) statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500) failures.Add($"{status} for {c}: {await response.Content.ReadAsStringAsync(Ct)}");
            else if (status is >= 400 and < 500 && StoreFingerprint.Of(database) != before) failures.Add($"{status} changed the store: {c}");
        }, iter: Iterations, threads: 1);

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        // The generator reaches both sides: accepted requests and refused ones.
        Assert.Contains(statuses.Keys, s => s is >= 200 and < 300);
        Assert.Contains(statuses.Keys, s => s is >= 400 and < 500);
    }
}
