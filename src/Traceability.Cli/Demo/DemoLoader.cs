using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Traceability.Cli.Demo;

/// <summary>
/// Loads the demo supply chain through the public HTTP API only, exactly as members would.
/// Idempotent: organisations already created (by name) are kept, and their keys are read back
/// from the output folder, because the API shows a key only once.
/// </summary>
public sealed class DemoLoader(HttpClient http, string adminToken, string outputDir, TextWriter output)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string OrganisationsFile => Path.Combine(outputDir, "organisations.json");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // The file holds every demo organisation's API key: only its owner may read it.
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(outputDir);
        else Directory.CreateDirectory(outputDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var saved = File.Exists(OrganisationsFile)
            ? JsonNode.Parse(await File.ReadAllTextAsync(OrganisationsFile, cancellationToken))!.AsObject()
            : new JsonObject();

        var existing = await AdminAsync<JsonArray>(HttpMethod.Get, "/admin/orgs", null, cancellationToken);
        var created = 0;
        foreach (var member in DemoOrganisations.All)
        {
            var listed = existing.FirstOrDefault(o => o?["name"]?.GetValue<string>() == member.Name);
            if (listed is not null && saved[member.Key] is not null) continue;
            if (listed is not null)
                throw new InvalidOperationException($"\"{member.Name}\" exists but its API key is not in {OrganisationsFile}; use a fresh TRACE_DATA_DIR");

            var org = await AdminAsync<JsonObject>(HttpMethod.Post, "/admin/orgs", new { name = member.Name, role = member.Role, gln = member.Gln, companyPrefixes = member.CompanyPrefixes }, cancellationToken);
            saved[member.Key] = new JsonObject
            {
                ["orgId"] = org["orgId"]!.GetValue<string>(),
                ["name"] = member.Name,
                ["role"] = member.Role,
                ["gln"] = member.Gln,
                ["apiKey"] = org["apiKey"]!.GetValue<string>(),
                ["ledgerAddress"] = org["ledgerAddress"]!.GetValue<string>(),
            };
            created++;
            await File.WriteAllTextAsync(OrganisationsFile, saved.ToJsonString(Indented), cancellationToken);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(OrganisationsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        output.WriteLine(created == 0
            ? $"demo organisations already present ({DemoOrganisations.All.Length}); keys in {OrganisationsFile}"
            : $"created {created} demo organisations; keys in {OrganisationsFile}");

        var events = 0;
        string Gln(string key) => saved[key]!["gln"]!.GetValue<string>();
        foreach (var (writer, batch) in DemoEvents.Steps(Gln))
        {
            var job = await CaptureAsync(saved[writer]!["apiKey"]!.GetValue<string>(), DemoEvents.Document(batch), cancellationToken);
            events += job["eventIds"]!.AsArray().Count;
        }
        output.WriteLine($"demo supply chain: {events} events captured (rice, bamboo shoots, cowpeas → 螺蛳粉 lots {DemoEvents.GoodNoodles} and {DemoEvents.RecalledNoodles} → three supermarkets)");

        string Key(string member) => saved[member]!["apiKey"]!.GetValue<string>();
        foreach (var (owner, gtin, body) in DemoFacts.Products)
            await SendAsync(Key(owner), HttpMethod.Put, $"/products/{gtin}", body, cancellationToken);
        foreach (var result in DemoFacts.LabResults)
            await SendAsync(Key("lab"), HttpMethod.Post, "/lab-results", result, cancellationToken);

        // One recall, ordered once: a second run finds it and only makes sure the Yufeng shop has acknowledged.
        var recalls = (JsonArray)await SendAsync(Key("regulator"), HttpMethod.Get, "/recalls", null, cancellationToken);
        var recall = recalls.FirstOrDefault(r => r?["origin"]?["lot"]?.GetValue<string>() == DemoEvents.BadCowpeas)
                     ?? await SendAsync(Key("regulator"), HttpMethod.Post, "/recalls", DemoFacts.Recall, cancellationToken);
        var id = recall["id"]!.GetValue<string>();
        var yufeng = saved["shop-yufeng"]!["orgId"]!.GetValue<string>();
        if (recall["parties"]!.AsArray().Any(p => p!["orgId"]!.GetValue<string>() == yufeng && !p["acknowledged"]!.GetValue<bool>()))
            await SendAsync(Key("shop-yufeng"), HttpMethod.Post, $"/recalls/{id}/acknowledgements",
                new { quantityRemoved = 960, unit = "EA", note = "已全部下架封存 / all packs removed from the shelf and quarantined" }, cancellationToken);
        output.WriteLine($"demo facts: {DemoFacts.Products.Length} products, {DemoFacts.LabResults.Length} lab results (one failing), recall {id} of cowpea lot {DemoEvents.BadCowpeas}");
        return 0;
    }

    private async Task<JsonNode> SendAsync(string apiKey, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private async Task<JsonObject> CaptureAsync(string apiKey, JsonObject document, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/capture") { Content = JsonContent.Create(document) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /capture answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<T> AdminAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) where T : JsonNode
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return (T)JsonNode.Parse(text)!;
    }
}
