using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// Writes JSON-LD values as XML the way <see cref="ExtensionReader"/> reads them back: a key is an element in
/// the namespace its prefix names, an array repeats the element, an object nests elements (its @value being the
/// element's own text), numbers and booleans carry <c>xsi:type</c> so they come back typed, null is
/// <c>xsi:nil</c>.
/// </summary>
internal sealed class ExtensionXmlWriter(XmlWriter xml)
{
    private int _generated;

    public XmlWriter Xml => xml;

    /// <summary>Writes <paramref name="value"/> as element(s) named by <paramref name="key"/>.</summary>
    public void Element(string key, JsonNode? value, XmlNameTable names, string path)
    {
        if (value is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
                Element(key, array[i], names, path);
            return;
        }
        StartElement(key, names, path);
        Content(value, names, path);
        xml.WriteEndElement();
    }

    /// <summary>The content of an element for <paramref name="value"/> (an array has none: it repeats elements).</summary>
    public void Content(JsonNode? value, XmlNameTable names, string path)
    {
        switch (value)
        {
            case null:
                xml.WriteAttributeString("nil", XmlNamespaces.Xsi, "true");
                break;
            case JsonObject obj:
                if (obj.TryGetPropertyValue(ExtensionReader.ValueKey, out var own) && own is JsonValue ownValue)
                    Scalar(ownValue, path + "['@value']");
                foreach (var (childKey, child) in obj)
                {
                    if (childKey == ExtensionReader.ValueKey)
                        continue;
                    if (childKey.StartsWith('@'))
                        throw new EpcisXmlWriteException(Child(path, childKey), "JSON-LD keywords other than @value have no XML form");
                    Element(childKey, child, names, Child(path, childKey));
                }
                break;
            case JsonValue scalar:
                Scalar(scalar, path);
                break;
            case JsonArray:
                throw new EpcisXmlWriteException(path, "XML holds one value here, not a list");
        }
    }

    /// <summary>Starts the element of a key, declaring a namespace for it when none is in scope.</summary>
    public void StartElement(string key, XmlNameTable names, string path)
    {
        var (prefix, local, ns) = names.Resolve(key)
            ?? throw new EpcisXmlWriteException(path, $"'{key}' has no XML name: its prefix is not defined by @context, or it is not a valid XML name");
        xml.WriteStartElement(PrefixFor(prefix, ns), local, ns);
    }

    /// <summary>The attribute of an extension key on a standard element (sensor metadata and reports).</summary>
    public void Attribute(string key, JsonNode? value, XmlNameTable names, string path)
    {
        if (value is not JsonValue scalar)
            throw new EpcisXmlWriteException(path, "XML carries this field as an attribute, which holds a single value, not an object or a list");
        var (prefix, local, ns) = names.Resolve(key) is { Namespace.Length: > 0 } name
            ? name
            : throw new EpcisXmlWriteException(path, $"'{key}' has no XML attribute name: its prefix is not defined by @context");
        xml.WriteAttributeString(PrefixFor(prefix, ns), local, ns, Text(scalar, path));
    }

    /// <summary>A scalar's text, and its xsi:type when it is a number or a boolean.</summary>
    private void Scalar(JsonValue value, string path)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                var number = value.ToJsonString();
                WriteType(number.AsSpan().IndexOfAny('.', 'e', 'E') < 0 ? "integer" : number.Contains('e') || number.Contains('E') ? "double" : "decimal");
                xml.WriteString(number);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                WriteType("boolean");
                xml.WriteString(value.GetValueKind() == JsonValueKind.True ? "true" : "false");
                break;
            default:
                xml.WriteString(Text(value, path));
                break;
        }
    }

    private void WriteType(string type)
    {
        var prefix = xml.LookupPrefix(XmlNamespaces.XmlSchema);
        if (string.IsNullOrEmpty(prefix))
        {
            prefix = "xs";
            xml.WriteAttributeString("xmlns", prefix, null, XmlNamespaces.XmlSchema);
        }
        xml.WriteAttributeString("type", XmlNamespaces.Xsi, prefix + ":" + type);
    }

    /// <summary>The text of a scalar, refused when it holds characters XML 1.0 cannot carry.</summary>
    public static string Text(JsonValue value, string path)
    {
        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToJsonString(),
        };
        if (FirstNonXmlCharacter(text) is var bad and >= 0)
            throw new EpcisXmlWriteException(path, $"holds the character U+{(int)text[bad]:X4}, which XML 1.0 cannot carry");
        return text;
    }

    public static string Text(JsonNode? value, string path) => value is JsonValue scalar
        ? Text(scalar, path)
        : throw new EpcisXmlWriteException(path, $"must be a single value here; got {(value is null ? "null" : value.GetValueKind().ToString().ToLowerInvariant())}");

    /// <summary>A decimal number as xsd:decimal text (JSON exponents spelt out).</summary>
    public static string DecimalText(JsonNode? value, string path)
    {
        var text = Text(value, path);
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && (text.Contains('e') || text.Contains('E')))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number.ToString(CultureInfo.InvariantCulture)
                : throw new EpcisXmlWriteException(path, "is too large for an xsd:decimal");
        }
        return text;
    }

    public static string Child(string path, string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '@') ? path + "." + key : path + "['" + key + "']";

    private string PrefixFor(string? preferred, string ns)
    {
        if (ns.Length == 0)
            return "";
        // A prefix bound to another namespace further out is simply bound again on this element.
        if (preferred is not null)
            return preferred;
        var inScope = xml.LookupPrefix(ns);
        return string.IsNullOrEmpty(inScope) ? "ns" + ++_generated : inScope;
    }

    /// <summary>The index of the first character XML 1.0 forbids (controls, lone surrogates, U+FFFE/F), or -1.</summary>
    private static int FirstNonXmlCharacter(string text)
    {
        var start = text.AsSpan().IndexOfAny(Suspicious);
        if (start < 0)
            return -1;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r' || (c >= ' ' && c < '\uD800') || (c >= '\uE000' && c < '\uFFFE'))
                continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    private static readonly System.Buffers.SearchValues<char> Suspicious = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + string.Concat(Enumerable.Range(0xD800, 0xE000 - 0xD800).Select(c => (char)c)) + "\uFFFE\uFFFF");
}
