using System.Text.Json.Nodes;
using System.Xml;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// User extension elements (any namespace but EPCIS's) and their content as JSON-LD values, the way the
/// EPCIS 2.0 bindings pair them: an element is the key <c>prefix:localName</c> (its namespace defined in
/// @context), a repeated element an array, text a string, child elements and attributes an object, and text
/// beside children or attributes that object's <c>@value</c>. Unqualified children and attributes keep their
/// bare local names. <c>xsi:type</c> of a number or boolean type makes the value a JSON number or boolean;
/// <c>xsi:nil</c> makes it null. Text is trimmed.
/// </summary>
internal static class ExtensionReader
{
    public const string ValueKey = "@value";

    /// <summary>The JSON key of the element at the reader.</summary>
    public static string Key(XmlSource source)
    {
        var reader = source.Reader;
        return KeyOf(source, reader.NamespaceURI, reader.Prefix, reader.LocalName);
    }

    /// <summary>Reads the extension element at the reader (entering it) into its JSON value.</summary>
    public static JsonNode? Read(XmlSource source)
    {
        var element = source.Enter(indexed: true);
        return ReadContent(source, element, skipAttribute: null);
    }

    /// <summary>Reads an entered element's attributes and content (master data attributes skip their id).</summary>
    public static JsonNode? ReadContent(XmlSource source, in XmlSource.Element element, string? skipAttribute)
    {
        var reader = source.Reader;
        JsonObject? fields = null;
        string? type = null;
        var nil = false;
        var started = false;
        while (source.NextAttribute(ref started))
        {
            var ns = reader.NamespaceURI;
            if (ns == XmlNamespaces.Xsi)
            {
                if (reader.LocalName == "type")
                    type = SchemaType(reader, source.AttributeValue);
                else if (reader.LocalName == "nil")
                    nil = XmlValues.TryBoolean(source.AttributeValue, out var isNil) && isNil;
            }
            else if (ns != XmlNamespaces.Xml && !(ns.Length == 0 && reader.LocalName == skipAttribute))
            {
                (fields ??= new JsonObject())[KeyOf(source, ns, reader.Prefix, reader.LocalName)] = reader.Value;
            }
        }

        // Only a typed value can be wrong, so only then is the path worth building.
        var path = type is null ? "" : source.Path.Current;
        var text = source.TextBuffer(source.Path.Count);
        while (source.NextChild(element, text))
        {
            var key = Key(source);
            Add(fields ??= new JsonObject(), key, Read(source));
        }
        if (nil)
            return null;
        var value = text.Length == 0 ? "" : text.ToString().Trim();
        if (fields is null)
            return type is null ? value : Typed(source, path, value, type);
        if (value.Length > 0)
            fields[ValueKey] = type is null ? value : Typed(source, path, value, type);
        return fields;
    }

    /// <summary>
    /// Adds a value under its key; a key met again becomes an array, in document order. (An element's own value is
    /// never an array, so an array already there is the repetition.)
    /// </summary>
    public static void Add(JsonObject owner, string key, JsonNode? value)
    {
        if (!owner.TryGetPropertyValue(key, out var existing))
        {
            owner[key] = value;
            return;
        }
        if (existing is JsonArray list)
        {
            list.Add(value);
            return;
        }
        owner[key] = null;
        owner[key] = new JsonArray(existing, value);
    }

    private static string KeyOf(XmlSource source, string ns, string xmlPrefix, string localName) =>
        XmlNamespaces.IsEpcis(ns) ? localName : source.Prefixes.PrefixFor(ns, xmlPrefix) + ":" + localName;

    /// <summary>The XML Schema type an xsi:type names, or null for any other type.</summary>
    private static string? SchemaType(XmlReader reader, string qualifiedName)
    {
        var colon = qualifiedName.IndexOf(':');
        var prefix = colon < 0 ? "" : qualifiedName[..colon];
        var ns = reader.LookupNamespace(prefix);
        return ns is XmlNamespaces.XmlSchema or "http://www.w3.org/2001/XMLSchema#" ? qualifiedName[(colon + 1)..] : null;
    }

    private static JsonNode? Typed(XmlSource source, string path, string text, string? type)
    {
        switch (type)
        {
            case "boolean":
                if (XmlValues.TryBoolean(text, out var flag))
                    return JsonValue.Create(flag);
                source.ErrorAt(path, $"'{Short(text)}' is not an xsd:boolean (true, false, 1 or 0)");
                return text;
            case "decimal" or "integer" or "int" or "long" or "short" or "byte" or "nonNegativeInteger" or "positiveInteger"
                or "negativeInteger" or "nonPositiveInteger" or "unsignedLong" or "unsignedInt" or "unsignedShort" or "unsignedByte":
                if (XmlValues.TryNumber(text, out var number) && (type == "decimal" || !text.Contains('.')))
                    return number;
                source.ErrorAt(path, $"'{Short(text)}' is not an xsd:{type}");
                return text;
            case "double" or "float":
                // INF and NaN are xsd:double values JSON cannot write as numbers: they stay text.
                return XmlValues.TryNumber(text, out var real) ? real : text;
            default:
                return text;
        }
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "…";
}
