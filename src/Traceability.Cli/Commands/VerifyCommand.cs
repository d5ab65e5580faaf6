using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Cli.Verification;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Ledger.Evm;
using Traceability.Ledger.Gateway;

namespace Traceability.Cli.Commands;

/// <summary>
/// <c>trace verify &lt;event.json | event id&gt; --api URL [--api-key K] [--rpc URL] [--contract 0x…] [--proof proof.json]
/// [--fabric-network network.json [--fabric-msp MSP]]</c>.
/// Exit 0: verified; 1: verification failed (altered event, wrong path, root not on the ledger); 2: could not decide
/// (pending, unreachable, unreadable input, a Fabric anchor without --fabric-network).
/// </summary>
public static class VerifyCommand
{
    public const int Verified = 0, Failed = 1, Inconclusive = 2;

    public sealed record Request(string Target, Uri Api, string? ApiKey, Uri? Rpc, string? Contract, FileInfo? Proof)
    {
        /// <summary>network.json of the Fabric network, for proofs anchored on Fabric.</summary>
        public FileInfo? FabricNetwork { get; init; }

        /// <summary>Whose identity in network.json reads the ledger (default: its first organisation).</summary>
        public string? FabricMsp { get; init; }
    }

    public static Command Create()
    {
        var target = new Argument<string>("event") { Description = "A file holding the event (or an EPCIS document with events), or an event id (ni:///… or 64-hex digest)" };
        var api = new Option<string>("--api") { Description = "Base URL of the Traceability API", Required = true };
        var apiKey = new Option<string?>("--api-key") { Description = "API key, needed to fetch an event by id" };
        var rpc = new Option<string?>("--rpc") { Description = "JSON-RPC URL of the chain (default: from GET /ledger)" };
        var contract = new Option<string?>("--contract") { Description = "TraceRegistry address to trust (default: from GET /ledger)" };
        var proof = new Option<FileInfo?>("--proof") { Description = "A proof JSON file to check instead of fetching one" };
        var fabricNetwork = new Option<FileInfo?>("--fabric-network") { Description = "network.json of the Fabric network, to check anchors on Fabric through a peer's gateway" };
        var fabricMsp = new Option<string?>("--fabric-msp") { Description = "MSP id in network.json whose identity reads the ledger (default: the first organisation)" };
        var command = new Command("verify", "Recompute an event's hash, walk its audit path and ask the ledger whether the root was anchored")
        {
            target, api, apiKey, rpc, contract, proof, fabricNetwork, fabricMsp,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!TryUrl(parse.GetRequiredValue(api), out var apiUrl) || !TryOptionalUrl(parse.GetValue(rpc), out var rpcUrl))
            {
                error.WriteLine("trace verify: --api and --rpc take absolute http(s) URLs, e.g. http://127.0.0.1:5080");
                return Inconclusive;
            }
            var request = new Request(parse.GetRequiredValue(target), apiUrl, parse.GetValue(apiKey),
                rpcUrl, parse.GetValue(contract), parse.GetValue(proof))
            {
                FabricNetwork = parse.GetValue(fabricNetwork),
                FabricMsp = parse.GetValue(fabricMsp),
            };
            using var apiHttp = new HttpClient { BaseAddress = request.Api, Timeout = TimeSpan.FromSeconds(30) };
            using var rpcHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            return await RunAsync(request, apiHttp, rpcHttp, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }

    private static bool TryUrl(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && url.Scheme is "http" or "https";

    private static bool TryOptionalUrl(string? text, out Uri? url)
    {
        url = null;
        if (text is null) return true;
        var ok = TryUrl(text, out var parsed);
        url = parsed;
        return ok;
    }

    /// <summary>The command with its HTTP clients given (tests pass an in-process API).</summary>
    public static async Task<int> RunAsync(Request request, HttpClient api, HttpClient rpcHttp, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (request.ApiKey is not null) api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", request.ApiKey);
        try
        {
            var proof = request.Proof is null ? null : JsonNode.Parse(await File.ReadAllTextAsync(request.Proof.FullName, ct)) as JsonObject;
            var verifier = new EventVerifier(api, rpcHttp, output)
            {
                RpcUrl = request.Rpc,
                Contract = request.Contract is null ? null : EvmAddress.Parse(request.Contract),
                FabricNetwork = request.FabricNetwork?.FullName,
                FabricMsp = request.FabricMsp,
            };
            var worst = Verified;
            foreach (var (evt, context, expectedId) in await LoadEventsAsync(request.Target, api, ct))
            {
                var outcome = await verifier.VerifyAsync(evt, context, expectedId, proof, ct);
                (outcome.Verified ? output : error).WriteLine(outcome.Message);
                worst = Math.Max(worst, outcome.Verified ? Verified : outcome.Inconclusive ? Inconclusive : Failed);
            }
            return worst;
        }
        catch (Exception ex) when (ex is IOException or JsonException or FormatException or ArgumentException or HttpRequestException
                                       or LedgerException or InvalidOperationException or UnauthorizedAccessException
                                       or Traceability.Fabric.FabricException or System.Security.Cryptography.CryptographicException)
        {
            error.WriteLine($"trace verify: could not verify: {ex.Message}");
            return Inconclusive;
        }
    }

    private static async Task<IReadOnlyList<(JsonObject Event, JsonObject? Context, string? ExpectedId)>> LoadEventsAsync(
        string target, HttpClient api, CancellationToken ct)
    {
        if (File.Exists(target))
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(target, ct));
            return EpcisEvents.Read(json).Select(e => (e.Event, e.Document, (string?)null)).ToList();
        }
        var id = target.Length == 64 && target.All(char.IsAsciiHexDigit) ? $"ni:///sha-256;{target.ToLowerInvariant()}?ver=CBV2.0" : target;
        if (!id.StartsWith("ni:///sha-256;", StringComparison.Ordinal))
            throw new FileNotFoundException($"{target} is neither a file nor an event id");
        using var response = await api.GetAsync($"/events/{Convert.ToHexStringLower(EventHash.Digest(id))}", ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"GET /events/{id} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var evt = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject
                  ?? throw new FormatException("the API returned no event object");
        return [(evt, null, id)];
    }
}
