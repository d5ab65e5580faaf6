using Traceability.Domain.Epcis.JsonLd;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// Finds the event list inside a document's epcisBody, checking the envelope objects on the way:
/// their own members, or extensions. Returns the list (null when absent or malformed, then reported)
/// and its path.
/// </summary>
internal static class EnvelopeBody
{
    /// <summary>EPCISDocument: epcisBody.eventList.</summary>
    public static (JsonArray? Events, string Path) OfDocument(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        var body = Section(node, path, "epcisBody", ["eventList"], context, errors);
        return (body is null ? null : EventList(body, path, errors), JsonPath.Property(path, "eventList"));
    }

    /// <summary>EPCISQueryDocument: epcisBody.queryResults{queryName, resultsBody.eventList}.</summary>
    public static (JsonArray? Events, string Path) OfQueryDocument(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        var resultsPath = JsonPath.Property(path, "queryResults");
        var bodyPath = JsonPath.Property(resultsPath, "resultsBody");
        var listPath = JsonPath.Property(bodyPath, "eventList");
        var body = Section(node, path, "epcisBody", ["queryResults"], context, errors);
        var results = body is null ? null
            : RequiredSection(body, "queryResults", path, ["queryName", "subscriptionID", "resultsBody"], context, errors);
        if (results is null)
        {
            return (null, listPath);
        }
        if (TryGetMember(results, "queryName", resultsPath, errors, out var queryName))
        {
            ValueRules.String(queryName, JsonPath.Property(resultsPath, "queryName"), errors);
        }
        if (results.TryGetPropertyValue("subscriptionID", out var subscription))
        {
            ValueRules.String(subscription, JsonPath.Property(resultsPath, "subscriptionID"), errors);
        }
        var resultsBody = RequiredSection(results, "resultsBody", resultsPath, ["eventList", "vocabularyList"], context, errors);
        if (resultsBody is null)
        {
            return (null, listPath);
        }
        if (resultsBody.TryGetPropertyValue("vocabularyList", out var vocabularies))
        {
            MasterData.VocabularyList(vocabularies, JsonPath.Property(bodyPath, "vocabularyList"), errors);
        }
        return (EventList(resultsBody, bodyPath, errors), listPath);
    }

    /// <summary>An envelope object: its own members, or extensions. Null (reported) when not an object.</summary>
    private static JsonObject? Section(JsonNode? node, string path, string name, ReadOnlySpan<string> members, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonObject section)
        {
            errors.Add(path, $"{name} must be an object; got {JsonValues.Describe(node)}");
            return null;
        }
        foreach (var (member, _) in section)
        {
            if (!members.Contains(member))
            {
                ExtensionNames.Check(member, JsonPath.Property(path, member), name, context, errors);
            }
        }
        return section;
    }

    /// <summary>A required member's value, or null (reported) when absent.</summary>
    private static bool TryGetMember(JsonObject owner, string name, string ownerPath, ErrorList errors, out JsonNode? value)
    {
        if (owner.TryGetPropertyValue(name, out value))
        {
            return true;
        }
        errors.Add(JsonPath.Property(ownerPath, name), $"{name} is required");
        return false;
    }

    private static JsonObject? RequiredSection(JsonObject owner, string name, string ownerPath, ReadOnlySpan<string> members, JsonLdContext context, ErrorList errors) =>
        TryGetMember(owner, name, ownerPath, errors, out var node)
            ? Section(node, JsonPath.Property(ownerPath, name), name, members, context, errors)
            : null;

    private static JsonArray? EventList(JsonObject owner, string ownerPath, ErrorList errors)
    {
        if (!TryGetMember(owner, "eventList", ownerPath, errors, out var node))
        {
            return null;
        }
        if (node is JsonArray list)
        {
            return list;
        }
        errors.Add(JsonPath.Property(ownerPath, "eventList"), $"must be an array of events; got {JsonValues.Describe(node)}");
        return null;
    }
}
