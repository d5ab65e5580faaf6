using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.JsonLd;

/// <summary>
/// What an event's meaning depends on besides the event itself: the JSON-LD context in scope (the standard EPCIS
/// context, the document's, then the event's own) and the fields the sending repository declared as its own
/// bookkeeping (an <c>ignoreFields</c> list on the document or its query results, as in the CBV 2.0 hash reference's
/// examples). Capture resolves a document's scope once and derives each event's from it.
/// </summary>
public sealed record EventScope(JsonLdContext Context, IReadOnlySet<string> IgnoredFields)
{
    private static readonly IReadOnlySet<string> NoFields = new HashSet<string>();

    /// <summary>The scope of a stand-alone event (no document).</summary>
    public static readonly EventScope Standalone = new(JsonLdContext.Epcis, NoFields);

    /// <param name="document">
    /// The EPCIS document, or any object whose "@context" applies, or a bare context object; null for none.
    /// </param>
    public static EventScope OfDocument(JsonObject? document)
    {
        if (document is null) return Standalone;
        var context = JsonLdContext.Epcis.With(ContextOf(document));
        return new EventScope(context, IgnoredFieldsOf(document, context));
    }

    /// <summary>This scope with the event's own <c>@context</c> applied.</summary>
    public EventScope ForEvent(JsonObject @event) =>
        @event.TryGetPropertyValue("@context", out var own) && own is not null ? this with { Context = Context.With(own) } : this;

    // A document (or event-like object) without @context brings no definitions; any other object is a context.
    private static JsonNode? ContextOf(JsonObject document) =>
        document.TryGetPropertyValue("@context", out var context) ? context
        : document.ContainsKey("epcisBody") || document.ContainsKey("type") ? null
        : document;

    private static IReadOnlySet<string> IgnoredFieldsOf(JsonObject document, JsonLdContext context)
    {
        HashSet<string>? ignored = null;
        var names = new Hashing.NamespaceMap(context);
        var body = document["epcisBody"] as JsonObject;
        foreach (var holder in new[] { document, body, body?["queryResults"] as JsonObject })
        {
            if (holder is null) continue;
            foreach (var (name, value) in holder)
            {
                if (!names.ExpandName(name).EndsWith("ignoreFields", StringComparison.Ordinal)) continue;
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
