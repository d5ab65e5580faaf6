using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Hashing;

/// <summary>
/// Writes the CBV 2.0 §8.9 pre-hash string of one event: eventType, the standard fields in canonical property
/// order, then one block sorted by code point holding the transaction, source and destination lists, ilmd and the
/// user extensions (see <see cref="CanonicalPropertyOrder.Event"/>). List entries are sorted too; extensions inside
/// a standard object (readPoint, sensorReport, ...) follow that object's own fields.
/// </summary>
internal sealed class PreHashBuilder
{
    private const string RdfsComment = "{http://www.w3.org/2000/01/rdf-schema#}comment";
    private const string ValueKey = "@value";

    // Not part of the event's identity: its id, when the repository saw it, and corrections of it (an error
    // declaration keeps the hash of the event it declares wrong, EPCIS 2.0 §7.4.1.4).
    private static readonly HashSet<string> ExcludedEventFields = ["type", "eventID", "recordTime", "errorDeclaration"];

    private readonly NamespaceMap _names;
    private readonly IReadOnlySet<string> _ignored;

    private PreHashBuilder(NamespaceMap names, IReadOnlySet<string> ignored)
    {
        _names = names;
        _ignored = ignored;
    }

    public static string Build(JsonObject @event, NamespaceMap names, IReadOnlySet<string> ignoredFields)
    {
        var builder = new PreHashBuilder(names, ignoredFields);
        var sb = new StringBuilder(1024);
        if (@event["type"] is JsonValue type && type.TryGetValue<string>(out var eventType))
            sb.Append("eventType=").Append(eventType.Trim());
        builder.AppendObject(sb, @event, CanonicalPropertyOrder.Event, isEvent: true);
        return sb.ToString();
    }

    private void AppendObject(StringBuilder sb, JsonObject obj, ObjectSpec spec, bool isEvent = false)
    {
        foreach (var field in spec.Ordered)
        {
            if (obj.TryGetPropertyValue(field.Name, out var node) && node is not null)
                AppendField(sb, field, node);
        }

        List<string>? sorted = null;
        foreach (var field in spec.SortedWithExtensions)
        {
            if (obj.TryGetPropertyValue(field.Name, out var node) && node is not null)
            {
                var part = new StringBuilder();
                AppendField(part, field, node);
                if (part.Length > 0)
                    (sorted ??= []).Add(part.ToString());
            }
        }
        foreach (var (name, node) in obj)
        {
            if (spec.IsStandard(name) || (isEvent && IsExcludedFromEvent(name)))
                continue;
            AddExtension(sorted ??= [], name, node);
        }
        AppendSorted(sb, sorted);
    }

    private void AppendField(StringBuilder sb, FieldSpec field, JsonNode node)
    {
        switch (field.Shape)
        {
            case FieldShape.Value:
            case FieldShape.Timestamp:
                var values = new List<string>();
                foreach (var item in Items(node))
                    AddValue(values, field.Name, item, field);
                AppendSorted(sb, values);
                break;

            case FieldShape.ValueList:
                var entries = new List<string>();
                foreach (var item in Items(node))
                    AddValue(entries, field.ItemName!, item, field);
                if (entries.Count > 0)
                    AppendSorted(sb.Append(field.Name), entries);
                break;

            case FieldShape.Object:
                var objects = new List<string>();
                foreach (var item in Items(node))
                    AddObject(objects, field.Name, item, field);
                AppendSorted(sb, objects);
                break;

            case FieldShape.ObjectList:
                var elements = new List<string>();
                foreach (var item in Items(node))
                    AddObject(elements, field.ItemName ?? "", item, field);
                if (elements.Count > 0)
                    AppendSorted(field.NameWritten ? sb.Append(field.Name) : sb, elements);
                break;
        }
    }

    /// <summary>Adds <c>name</c> followed by the object's fields, unless they are all empty.</summary>
    private void AddObject(List<string> into, string name, JsonNode? item, FieldSpec field)
    {
        var inner = new StringBuilder();
        switch (item)
        {
            case JsonObject obj:
                AppendObject(inner, obj, field.Fields!);
                break;
            case JsonValue when field.Fields!.Ordered.Count > 0:
                // A bare value where an object belongs, e.g. "readPoint": "urn:...": read it as the first field (id).
                var first = field.Fields.Ordered[0];
                AddValue(into, name + first.Name, item, first);
                return;
            case not null:
                AddValue(into, name, item, field);
                return;
        }
        if (inner.Length > 0)
            into.Add(name + inner);
    }

    private void AddValue(List<string> into, string name, JsonNode? item, FieldSpec field)
    {
        if (item is JsonObject or JsonArray)
        {
            AddExtension(into, name, item); // not the standard shape: keep its content all the same
            return;
        }
        var text = ValueText(item as JsonValue, field.Shape == FieldShape.Timestamp, field.Vocabulary);
        if (text.Length > 0)
            into.Add(name + "=" + text);
    }

    /// <summary>A user extension (or unknown field): expanded name, then its value or its sorted children.</summary>
    private void AddExtension(List<string> into, string name, JsonNode? node)
    {
        if (node is null || name == "@context" || IsComment(name))
            return;
        var expanded = _names.ExpandName(name);
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                    AddExtension(into, name, item);
                break;
            case JsonObject obj:
                // A JSON-LD value object's @value is the element's own text (the XML binding's element with
                // attributes and text): written as name=text before the other members, as the reference does.
                var ownText = obj.TryGetPropertyValue(ValueKey, out var own) && own is JsonValue ownValue
                    ? ValueText(ownValue, isTimestamp: false, VocabularyKind.None)
                    : "";
                var children = new List<string>();
                foreach (var (childName, child) in obj)
                {
                    if (childName != ValueKey)
                        AddExtension(children, childName, child);
                }
                if (children.Count > 0 || ownText.Length > 0)
                {
                    var head = new StringBuilder(expanded);
                    if (ownText.Length > 0)
                        head.Append('=').Append(ownText);
                    into.Add(AppendSorted(head, children).ToString());
                }
                break;
            case JsonValue value:
                var text = ValueText(value, isTimestamp: false, VocabularyKind.None);
                if (text.Length > 0)
                    into.Add(expanded + "=" + text);
                break;
        }
    }

    private string ValueText(JsonValue? value, bool isTimestamp, VocabularyKind vocabulary)
    {
        switch (value?.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (isTimestamp)
                {
                    var trimmed = text.Trim();
                    return HashTimestamp.TryNormalise(trimmed, out var normalised) ? normalised : trimmed;
                }
                return HashValue.Canonicalise(text, vocabulary, _names);
            case JsonValueKind.Number:
                var number = value.ToJsonString();
                return HashNumber.TryFormat(number, out var formatted) ? formatted : number;
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                return "";
        }
    }

    private bool IsExcludedFromEvent(string name) =>
        ExcludedEventFields.Contains(name) || _ignored.Contains(name) || _ignored.Contains(_names.ExpandName(name));

    private bool IsComment(string name) => name == "comment" || _names.ExpandName(name) == RdfsComment;

    private static IEnumerable<JsonNode?> Items(JsonNode node) => node is JsonArray array ? (IEnumerable<JsonNode?>)array : [node];

    private static StringBuilder AppendSorted(StringBuilder sb, List<string>? parts)
    {
        if (parts is null)
            return sb;
        if (parts.Count > 1)
            parts.Sort(CodePointComparer.Instance);
        foreach (var part in parts)
            sb.Append(part);
        return sb;
    }
}
