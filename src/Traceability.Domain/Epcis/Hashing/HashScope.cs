using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Hashing;

/// <summary>
/// What an event's pre-hash depends on besides the event: the namespaces in scope and the fields the sending
/// repository declared as its own bookkeeping (an <c>ignoreFields</c> list, e.g. <c>"repository-x:ignoreFields"</c>,
/// on the document or its query results, as in the reference implementation's ignore-fields examples).
/// </summary>
internal sealed record HashScope(NamespaceMap Names, IReadOnlySet<string> IgnoredFields)
{
    private static readonly IReadOnlySet<string> NoFields = new HashSet<string>();

    /// <param name="event">The event; its own @context adds to the document's.</param>
    /// <param name="document">
    /// The EPCIS document the event came from, or any object whose "@context" applies, or a bare context object.
    /// </param>
    public static HashScope For(JsonObject @event, JsonObject? document)
    {
        var names = NamespaceMap.Standard;
        var ignored = NoFields;
        if (document is not null)
        {
            names = names.With(ContextOf(document));
            ignored = IgnoredFieldsOf(document, names);
        }
        if (@event.TryGetPropertyValue("@context", out var eventContext))
            names = names.With(eventContext);
        return new HashScope(names, ignored);
    }

    // A document (or event-like object) without @context brings no definitions; any other object is a context.
    private static JsonNode? ContextOf(JsonObject document) =>
        document.TryGetPropertyValue("@context", out var context) ? context
        : document.ContainsKey("epcisBody") || document.ContainsKey("type") ? null
        : document;

    private static IReadOnlySet<string> IgnoredFieldsOf(JsonObject document, NamespaceMap names)
    {
        HashSet<string>? ignored = null;
        var body = document["epcisBody"] as JsonObject;
        foreach (var holder in new[] { document, body, body?["queryResults"] as JsonObject })
        {
            if (holder is null)
                continue;
            foreach (var (name, value) in holder)
            {
                if (!names.ExpandName(name).EndsWith("ignoreFields", StringComparison.Ordinal))
                    continue;
                foreach (var item in value is JsonArray array ? (IEnumerable<JsonNode?>)array : [value])
                {
                    if (item is JsonValue v && v.TryGetValue<string>(out var field))
                    {
                        ignored ??= new HashSet<string>(StringComparer.Ordinal);
                        ignored.Add(field);
                        ignored.Add(names.ExpandName(field));
                    }
                }
            }
        }
        return ignored ?? NoFields;
    }
}
