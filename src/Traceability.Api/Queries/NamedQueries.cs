using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Traceability.Domain;
using Traceability.Domain.Epcis.Query;
using Traceability.Storage;

namespace Traceability.Api.Queries;

/// <summary>
/// Named queries (<c>/queries</c>): each organisation names its own, so one's names neither clash with nor reveal
/// another's. The query is parsed when created (a bad one is a 400 naming its parameters) and kept as the binding's
/// JSON query object, the prefixes of the creating request's GS1-Extensions header folded into its @context.
/// </summary>
public sealed partial class NamedQueries(ISubscriptionStore store, IOptions<Subscriptions.SubscriptionOptions> options, TimeProvider clock)
{
    public const string NotFound = "epcisException:NoSuchNameException";

    /// <summary>Creates a query from the binding's body <c>{"name": …, "query": {…}}</c>; 409 when the name is taken.</summary>
    public async Task<NamedQuery> CreateAsync(string orgId, JsonObject body, IReadOnlyDictionary<string, string> headerPrefixes, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var name = body["name"] is JsonValue n && n.TryGetValue<string>(out var text) ? text : null;
        if (name is null || !ValidName().IsMatch(name)) errors.Add(new FieldError("$.name", "1 to 100 letters, digits, '.', '_', '~' or '-'"));
        if (body["query"] is not JsonObject query) errors.Add(new FieldError("$.query", "the EPCIS query object, e.g. {\"eventType\": [\"ObjectEvent\"]}"));
        foreach (var other in body.Select(p => p.Key).Where(k => k is not ("name" or "query"))) errors.Add(new FieldError($"$.{other}", "not a field of a named query"));
        if (errors.Count > 0) throw TraceError.Invalid("epcisException:ValidationException", "the named query is not valid", errors);

        var stored = (JsonObject)body["query"]!.DeepClone();
        if (headerPrefixes.Count > 0) stored["@context"] = WithPrefixes(stored["@context"], headerPrefixes);
        EventQueryParser.Parse(stored, new Dictionary<string, string>()); // refuses what it cannot run, naming each parameter

        var existing = await store.ListQueriesAsync(orgId, null, options.Value.MaxQueriesPerOrganisation, cancellationToken);
        if (existing.Count >= options.Value.MaxQueriesPerOrganisation)
            throw TraceError.Conflict("too-many-queries", $"an organisation keeps at most {options.Value.MaxQueriesPerOrganisation} named queries; delete one first");
        var named = new NamedQuery(orgId, name!, stored.ToJsonString(), clock.GetUtcNow());
        try
        {
            await store.AddQueryAsync(named, cancellationToken);
        }
        catch (DuplicateException)
        {
            throw TraceError.Conflict("epcisException:ResourceAlreadyExistsException", $"a query named {name} exists; delete it first or choose another name");
        }
        return named;
    }

    /// <summary>The organisation's query and its parsed form; 404 (NoSuchNameException) when it has none of that name.</summary>
    public async Task<(NamedQuery Stored, EpcisEventQuery Query)> GetAsync(string orgId, string name, CancellationToken cancellationToken)
    {
        var stored = name.Length <= 100 ? await store.GetQueryAsync(orgId, name, cancellationToken) : null;
        if (stored is null) throw TraceError.NotFound(NotFound, $"no query named {name}");
        return (stored, Parse(stored));
    }

    public static EpcisEventQuery Parse(NamedQuery stored) =>
        EventQueryParser.Parse((JsonObject)JsonNode.Parse(stored.QueryJson)!, new Dictionary<string, string>());

    /// <summary>The binding's view of a query: its name and query object.</summary>
    public static JsonObject View(NamedQuery q) => new() { ["name"] = q.Name, ["query"] = JsonNode.Parse(q.QueryJson) };

    private static JsonArray WithPrefixes(JsonNode? context, IReadOnlyDictionary<string, string> prefixes)
    {
        // The header's prefixes first, so the query's own @context wins where both name a prefix.
        var header = new JsonObject();
        foreach (var (prefix, ns) in prefixes) header[prefix] = ns;
        var merged = new JsonArray(header);
        foreach (var part in context is JsonArray array ? array.ToList() : context is null ? [] : [context]) merged.Add(part?.DeepClone());
        return merged;
    }

    [GeneratedRegex("^[A-Za-z0-9._~-]{1,100}$")]
    private static partial Regex ValidName();
}
