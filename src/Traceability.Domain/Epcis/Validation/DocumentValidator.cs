using Traceability.Domain.Epcis.JsonLd;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// The EPCISDocument envelope (and EPCISQueryDocument, whose events are as valid): header fields,
/// the @context every event inherits, the event-count limit, then each event.
/// </summary>
internal static class DocumentValidator
{
    private const string Document = "EPCISDocument";
    private const string QueryDocument = "EPCISQueryDocument";

    public static void Validate(JsonNode? node, int maxEvents, ErrorList errors)
    {
        const string root = JsonPath.Root;
        if (node is not JsonObject document)
        {
            errors.Add(root, $"an EPCIS document must be a JSON object; got {JsonValues.Describe(node)}");
            return;
        }

        var context = ReadContext(document, errors);
        var type = ReadType(document, errors);
        if (type is null)
        {
            return;
        }

        JsonNode? body = null;
        bool hasVersion = false, hasCreationDate = false, hasBody = false;
        foreach (var (name, value) in document)
        {
            var path = JsonPath.Property(root, name);
            switch (name)
            {
                case "@context" or "type":
                    break;
                case "id":
                    ValueRules.Uri(value, path, errors);
                    break;
                case "schemaVersion":
                    hasVersion = true;
                    SchemaVersion(value, path, errors);
                    break;
                case "creationDate":
                    hasCreationDate = true;
                    ValueRules.Time(value, path, errors);
                    break;
                case "instanceIdentifier" or "sender" or "receiver" when type == Document:
                    ValueRules.String(value, path, errors);
                    break;
                case "epcisHeader" when type == Document:
                    Header(value, path, context, errors);
                    break;
                case "epcisBody":
                    hasBody = true;
                    body = value;
                    break;
                default:
                    ExtensionNames.Check(name, path, $"an {type}", context, errors);
                    break;
            }
        }

        if (type == Document)
        {
            RequireField(hasVersion, "schemaVersion", "an EPCISDocument needs its schemaVersion, \"2.0\"", errors);
            RequireField(hasCreationDate, "creationDate", "an EPCISDocument needs its creationDate", errors);
        }
        RequireField(hasBody, "epcisBody", $"an {type} needs an epcisBody", errors);
        if (!hasBody)
        {
            return;
        }

        var (eventList, listPath) = type == Document
            ? EnvelopeBody.OfDocument(body, JsonPath.Property(root, "epcisBody"), context, errors)
            : EnvelopeBody.OfQueryDocument(body, JsonPath.Property(root, "epcisBody"), context, errors);
        if (eventList is not null)
        {
            Events(eventList, listPath, maxEvents, context, errors);
        }
    }

    private static JsonLdContext ReadContext(JsonObject document, ErrorList errors)
    {
        var path = JsonPath.Property(JsonPath.Root, "@context");
        if (!document.TryGetPropertyValue("@context", out var node))
        {
            errors.Add(path, $"an EPCIS document needs an @context including {JsonLdContext.EpcisContextUri}");
            return JsonLdContext.Empty;
        }
        var context = ContextScope.Read(node, path, errors);
        if (!context.IncludesEpcisContext)
        {
            errors.Add(path, $"must include the EPCIS 2.0 context {JsonLdContext.EpcisContextUri}");
        }
        return context;
    }

    private static string? ReadType(JsonObject document, ErrorList errors)
    {
        var path = JsonPath.Property(JsonPath.Root, "type");
        if (!document.TryGetPropertyValue("type", out var node))
        {
            errors.Add(path, $"an EPCIS document needs a type: {Document}");
            return null;
        }
        var type = ValueRules.String(node, path, errors);
        if (type is Document or QueryDocument)
        {
            return type;
        }
        if (type is not null)
        {
            errors.Add(path, $"must be {Document} (or {QueryDocument}); got {JsonValues.Quote(type)}");
        }
        return null;
    }

    /// <summary>Any 2.x version ("2.0", "2.0.1"): minor versions of EPCIS 2 stay compatible.</summary>
    private static void SchemaVersion(JsonNode? node, string path, ErrorList errors)
    {
        var version = ValueRules.String(node, path, errors, "\"2.0\"");
        if (version is not null && !IsVersion2(version))
        {
            errors.Add(path, $"must be an EPCIS 2 schema version such as \"2.0\"; got {JsonValues.Quote(version)}");
        }
    }

    private static bool IsVersion2(string version)
    {
        if (!version.StartsWith('2'))
        {
            return false;
        }
        var rest = version.AsSpan(1);
        while (!rest.IsEmpty)
        {
            if (rest[0] != '.')
            {
                return false;
            }
            rest = rest[1..];
            var digits = rest.IndexOfAnyExceptInRange('0', '9');
            if (digits == 0 || rest.IsEmpty)
            {
                return false;
            }
            rest = digits < 0 ? [] : rest[digits..];
        }
        return true;
    }

    private static void Header(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonObject header)
        {
            errors.Add(path, $"must be an object; got {JsonValues.Describe(node)}");
            return;
        }
        foreach (var (name, value) in header)
        {
            var fieldPath = JsonPath.Property(path, name);
            if (name == "epcisMasterData")
            {
                MasterData.Validate(value, fieldPath, context, errors);
            }
            else
            {
                ExtensionNames.Check(name, fieldPath, "epcisHeader", context, errors);
            }
        }
    }

    private static void Events(JsonArray events, string path, int maxEvents, JsonLdContext context, ErrorList errors)
    {
        if (events.Count > maxEvents)
        {
            errors.Add(path, $"holds {events.Count} events; at most {maxEvents} are accepted in one document, split it");
            return;
        }
        for (var i = 0; i < events.Count; i++)
        {
            EventValidator.Validate(events[i], JsonPath.Index(path, i), context, errors);
        }
    }

    private static void RequireField(bool present, string name, string message, ErrorList errors)
    {
        if (!present)
        {
            errors.Add(JsonPath.Property(JsonPath.Root, name), message);
        }
    }
}
