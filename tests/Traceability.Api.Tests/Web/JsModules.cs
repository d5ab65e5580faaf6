using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Testing;

namespace Traceability.Api.Tests.Web;

/// <summary>
/// Runs the browser modules of src/Traceability.Api/wwwroot/js under Node through Web/js/harness.mjs: one process
/// per call, JSON in on stdin, JSON out on stdout (commands: hash, merkle, verify, scan, chain, constants).
/// </summary>
internal static class JsModules
{
    public static string ModulesDirectory => RepositoryPaths.Combine("src", "Traceability.Api", "wwwroot", "js");

    private static string Harness => RepositoryPaths.Combine("tests", "Traceability.Api.Tests", "Web", "js", "harness.mjs");

    public static async Task<JsonNode> RunAsync(string command, JsonNode input, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "--no-warnings", Harness, ModulesDirectory, command })
            info.ArgumentList.Add(argument);

        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start (is it on PATH? scripts/test installs it)");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"node harness.mjs {command} exited with {process.ExitCode}: {await errors}");
        return JsonNode.Parse(await output) ?? throw new InvalidOperationException($"node harness.mjs {command} printed nothing");
    }

    /// <summary>
    /// The JS event id and pre-hash of each (event, document) pair, in order. As text, the harness parses them with
    /// json.js (as verify.js does with a response body); otherwise Node's JSON.parse reads them.
    /// </summary>
    public static async Task<IReadOnlyList<(string Id, string PreHash)>> HashAsync(
        IEnumerable<(JsonNode Event, JsonNode? Context)> events, CancellationToken cancellationToken, bool asText = false)
    {
        var input = new JsonArray(events.Select(e => (JsonNode)(asText
            ? new JsonObject { ["eventText"] = e.Event.ToJsonString(), ["contextText"] = e.Context?.ToJsonString() ?? "null" }
            : new JsonObject { ["event"] = e.Event.DeepClone(), ["context"] = e.Context?.DeepClone() })).ToArray());
        var output = await RunAsync("hash", input, cancellationToken);
        return output.AsArray().Select(r => (r!["id"]!.GetValue<string>(), r["preHash"]!.GetValue<string>())).ToList();
    }
}
