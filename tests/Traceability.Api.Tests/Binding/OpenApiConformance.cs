using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Api.Tests.Capture;
using Traceability.Api.Tests.Infrastructure;
using Traceability.Testing;
using YamlDotNet.RepresentationModel;

namespace Traceability.Api.Tests.Binding;

/// <summary>
/// The binding's conformance table, derived from GS1's OpenAPI file (tests/data/gs1-epcis/openapi.yaml): every operation
/// it lists is answered (not 404/405), and every query parameter it lists for a GET is accepted with its example value.
/// A resource or parameter the file names and this server lacks fails a row here.
/// </summary>
public sealed class OpenApiConformance(SubscriberFixture api) : IClassFixture<SubscriberFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Lazy<YamlMappingNode> Spec = new(() =>
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryPaths.TestData("gs1-epcis", "openapi.yaml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    });

    private static readonly string[] Methods = ["get", "post", "delete", "options"];

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;

    private static YamlMappingNode Resolve(YamlNode node)
    {
        var map = (YamlMappingNode)node;
        if (Scalar(map, "$ref") is not { } reference) return map;
        YamlNode target = Spec.Value;
        foreach (var part in reference.TrimStart('#', '/').Split('/')) target = Map(target, part);
        return (YamlMappingNode)target;
    }

    private static IEnumerable<(string Path, string Method, YamlMappingNode Operation)> Operations() =>
        from path in Map(Spec.Value, "paths").Children
        from method in Methods
        let operations = (YamlMappingNode)path.Value
        where operations.Children.ContainsKey(new YamlScalarNode(method))
        select (((YamlScalarNode)path.Key).Value!, method, (YamlMappingNode)operations.Children[new YamlScalarNode(method)]);

    public static TheoryData<string, string> Endpoints() => new(Operations().Select(o => (o.Method.ToUpperInvariant(), o.Path)));

    public static TheoryData<string, string, string> QueryParameters()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var (path, _, operation) in Operations().Where(o => o.Method == "get"))
        {
            if (!operation.Children.TryGetValue(new YamlScalarNode("parameters"), out var list)) continue;
            foreach (var parameter in ((YamlSequenceNode)list).Select(Resolve))
            {
                var name = Scalar(parameter, "name")!;
                if (Scalar(parameter, "in") != "query" || name == "nextPageToken") continue; // tokens are the server's to issue
                rows.Add(path, name, Example(name, parameter));
            }
        }
        return rows;
    }

    /// <summary>The parameter's example from the file, else a value of its kind (the file leaves some without one).</summary>
    private static string Example(string name, YamlMappingNode parameter)
    {
        if (name.StartsWith("GE_", StringComparison.Ordinal) || name.StartsWith("LT_", StringComparison.Ordinal) || name.StartsWith("GT_", StringComparison.Ordinal) || name.StartsWith("LE_", StringComparison.Ordinal))
            return name.EndsWith("Time", StringComparison.Ordinal) ? "2026-01-01T00:00:00Z" : "1";
        return name switch
        {
            "perPage" or "eventCountLimit" or "maxEventCount" or "EQ_quantity" => "10",
            "orderBy" => "eventTime",
            "orderDirection" => "ASC",
            "eventType" => "ObjectEvent",
            "EQ_action" => "OBSERVE",
            "EXISTS_errorDeclaration" => "true",
            "EQ_booleanValue" => "true",
            "EQ_hexBinaryValue" => "ABCDEF",
            "EQ_stringValue" => "text",
            _ when Scalar(parameter, "example") is { Length: > 0 } example => example,
            _ when name.StartsWith("MATCH_", StringComparison.Ordinal) && name.EndsWith("Class", StringComparison.Ordinal) => "urn:epc:class:lgtin:4012345.012345.998877",
            _ when name.StartsWith("MATCH_", StringComparison.Ordinal) => "urn:epc:id:sgtin:0614141.107346.2018",
            _ => "https://example.com/value",
        };
    }

    private static readonly Dictionary<string, string> FixedByPath = new()
    {
        ["eventTypes"] = "eventType", ["epcs"] = "MATCH_anyEPC", ["bizSteps"] = "EQ_bizStep",
        ["bizLocations"] = "EQ_bizLocation", ["readPoints"] = "EQ_readPoint", ["dispositions"] = "EQ_disposition",
    };

    private sealed record Seed(string EventId, string CaptureId, string Query, string SubscriptionId, TestOrg Org);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Seed? _seed;

    /// <summary>Something at each of the file's example values, so a GET of an instance answers 200.</summary>
    private async Task<Seed> SeedAsync()
    {
        await Once.WaitAsync(Ct);
        try
        {
            if (_seed is not null) return _seed;
            var org = await api.SharedOrgAsync("producer");
            var xml = Xml.Document("""
                <ObjectEvent>
                  <eventTime>2026-11-20T06:45:00.000+08:00</eventTime><eventTimeZoneOffset>+08:00</eventTimeZoneOffset>
                  <epcList><epc>urn:epc:id:sgtin:0614141.107346.2018</epc></epcList>
                  <action>OBSERVE</action><bizStep>urn:epcglobal:cbv:bizstep:receiving</bizStep>
                  <disposition>urn:epcglobal:cbv:disp:in_progress</disposition>
                  <readPoint><id>urn:epc:id:sgln:0012345.11111.400</id></readPoint>
                  <bizLocation><id>urn:epc:id:sgln:0012345.11111.0</id></bizLocation>
                </ObjectEvent>
                """);
            var captured = await org.Client.CaptureXml(xml);
            Assert.Equal(HttpStatusCode.Accepted, captured.StatusCode);
            var eventId = Xml.EventIds(await captured.Body()).Single();
            var captureId = captured.Headers.Location!.OriginalString.Split('/').Last();
            await org.Client.CreateQueryAsync("conformance", new JsonObject { ["eventType"] = new JsonArray("ObjectEvent") });
            var subscription = await org.Client.SubscribeAsync("conformance", new() { ["dest"] = api.Receiver.Hook("conformance").ToString(), ["stream"] = true });
            return _seed = new Seed(eventId, captureId, "conformance", subscription, org);
        }
        finally
        {
            Once.Release();
        }
    }

    private static string Instance(string path, Seed seed, string query, string? subscription = null) => path
        .Replace("{eventID}", Uri.EscapeDataString(seed.EventId))
        .Replace("{captureID}", seed.CaptureId)
        .Replace("{queryName}", query)
        .Replace("{subscriptionID}", subscription ?? seed.SubscriptionId)
        .Replace("{eventType}", "ObjectEvent")
        .Replace("{epc}", Uri.EscapeDataString("urn:epc:id:sgtin:0614141.107346.2018"))
        .Replace("{bizStep}", Uri.EscapeDataString("urn:epcglobal:cbv:bizstep:receiving"))
        .Replace("{bizLocation}", Uri.EscapeDataString("urn:epc:id:sgln:0012345.11111.0"))
        .Replace("{readPoint}", Uri.EscapeDataString("urn:epc:id:sgln:0012345.11111.400"))
        .Replace("{disposition}", "in_progress")
        .Replace("{token}", "token");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryOperationOfTheBindingIsAnswered(string method, string path)
    {
        var seed = await SeedAsync();
        var url = Instance(path, seed, seed.Query);
        if (method == "DELETE" && path.StartsWith("/queries/", StringComparison.Ordinal))
        {
            // Delete something made for the purpose, so the other rows keep theirs.
            var name = "delete-" + Guid.NewGuid().ToString("N")[..8];
            await seed.Org.Client.CreateQueryAsync(name, new JsonObject { ["eventType"] = new JsonArray("ObjectEvent") });
            var id = await seed.Org.Client.SubscribeAsync(name, new() { ["dest"] = api.Receiver.Hook("delete").ToString(), ["stream"] = true });
            url = Instance(path, seed, name, id);
        }
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");

        var response = await seed.Org.Client.SendAsync(request, Ct);

        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{method} {url}: {response.StatusCode}");
        if (method is "GET" or "OPTIONS" or "DELETE") Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        if (method == "POST") Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // {} is no document, query or subscription
    }

    [Theory]
    [MemberData(nameof(QueryParameters))]
    public async Task EveryQueryParameterOfTheBindingIsAccepted(string path, string parameter, string value)
    {
        var seed = await SeedAsync();
        var url = Instance(path, seed, seed.Query);
        var named = path.StartsWith("/queries/{queryName}/events", StringComparison.Ordinal);
        var query = $"{parameter}={Uri.EscapeDataString(value)}";
        if (parameter == "eventCountLimit") query += "&orderBy=eventTime"; // the standard allows it only with an order
        // /{resource}/{value}/events fixes the resource's own parameter: naming it again is refused, naming it.
        var fixedByPath = FixedByPath.TryGetValue(path.Split('/')[1], out var own) && own == parameter && path.EndsWith("/events", StringComparison.Ordinal);
        // Stream controls of /queries/{name}/events are for WebSockets only, answered with a 400 naming them over plain GET.
        var expectsStreamRefusal = named && !(parameter is "perPage");

        var response = await seed.Org.Client.GetAsync($"{url}?{query}", Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        if (expectsStreamRefusal || fixedByPath)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(parameter, body);
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}?{query}: {response.StatusCode} {body}");
    }
}
