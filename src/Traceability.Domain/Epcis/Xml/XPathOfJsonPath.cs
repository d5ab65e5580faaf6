using System.Globalization;
using System.Text;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// Turns the JSON paths of <see cref="Validation.EpcisValidator"/> errors (<c>$.quantityList[0].quantity</c>)
/// into the XML paths of the same data (<c>…/ObjectEvent[2]/quantityList/quantityElement[1]/quantity</c>),
/// following the binding's shapes: list items are named elements, sensor fields and business transaction types
/// are attributes, and fields read from EPCIS 1.2 wrappers keep their place in the XML.
/// </summary>
internal static class XPathOfJsonPath
{
    private enum Segment { Name, Index }

    /// <summary>The XPath of an event field, from its JSON path relative to the event (<c>$…</c>).</summary>
    public static string ForEvent(string eventPath, string jsonPath, IReadOnlyDictionary<string, string>? locations)
    {
        var segments = Parse(jsonPath);
        if (segments.Count == 0 || segments[0].Kind != Segment.Name || segments[0].Text is "type" or "@context")
            return eventPath;
        var field = segments[0].Text;
        var sb = new StringBuilder(eventPath).Append('/').Append(locations?.GetValueOrDefault(field) ?? field);
        var rest = segments.Skip(1).ToList();
        var (item, attributes) = field switch
        {
            "epcList" or "childEPCs" or "inputEPCList" or "outputEPCList" => ("epc", false),
            "quantityList" or "childQuantityList" or "inputQuantityList" or "outputQuantityList" => ("quantityElement", false),
            "bizTransactionList" => ("bizTransaction", true),
            "sourceList" => ("source", true),
            "destinationList" => ("destination", true),
            "sensorElementList" => ("sensorElement", false),
            "certificationInfo" => ("", false),
            _ => ((string?)null, false),
        };
        if (item is null || rest.Count == 0 || rest[0].Kind != Segment.Index)
        {
            if (field == "errorDeclaration" && rest.Count >= 2 && rest[0].Text == "correctiveEventIDs" && rest[1].Kind == Segment.Index)
            {
                sb.Append("/correctiveEventIDs/correctiveEventID").Append(Position(rest[1]));
                rest = rest.Skip(2).ToList();
            }
            return Generic(sb, rest);
        }
        // certificationInfo[1] is the second certificationInfo element; other lists name their items.
        sb.Append(item.Length == 0 ? "" : "/" + item).Append(Position(rest[0]));
        rest = rest.Skip(1).ToList();
        if (attributes && rest.Count > 0 && rest[0].Kind == Segment.Name)
        {
            // The identifier is the element's text; its type is an attribute.
            if (rest[0].Text == "type")
                sb.Append("/@type");
            else if (rest[0].Text != item)
                sb.Append('/').Append(rest[0].Text);
            return sb.ToString();
        }
        if (field == "sensorElementList" && rest.Count > 0 && rest[0].Kind == Segment.Name)
            return Sensor(sb, rest);
        return Generic(sb, rest);
    }

    /// <summary>The XPath of a document field, from its JSON path (<c>$.epcisHeader…</c>).</summary>
    public static string ForDocument(string rootPath, string jsonPath)
    {
        var sb = new StringBuilder(rootPath);
        string? previous = null;
        foreach (var segment in Parse(jsonPath))
        {
            if (segment.Kind == Segment.Index)
            {
                var item = previous switch
                {
                    "vocabularyList" => "Vocabulary",
                    "vocabularyElementList" => "VocabularyElement",
                    "attributes" => "attribute",
                    "children" => "id",
                    "eventList" => "event",
                    _ => null,
                };
                sb.Append(item is null ? "" : "/" + item).Append(Position(segment));
                continue;
            }
            previous = segment.Text;
            sb.Append(segment.Text switch
            {
                "@context" => "",
                "schemaVersion" or "creationDate" or "type" or "id" => "/@" + segment.Text,
                "epcisHeader" => "/EPCISHeader",
                "epcisMasterData" => "/extension/EPCISMasterData",
                "vocabularyList" => "/VocabularyList",
                "vocabularyElementList" => "/VocabularyElementList",
                "attributes" => "",
                "epcisBody" => "/EPCISBody",
                "queryResults" => "/QueryResults",
                "eventList" => "/EventList",
                "sender" or "receiver" or "instanceIdentifier" => "/EPCISHeader/sbdh:StandardBusinessDocumentHeader",
                var other => "/" + other,
            });
        }
        return sb.ToString();
    }

    private static string Sensor(StringBuilder sb, List<(Segment Kind, string Text)> rest)
    {
        var name = rest[0].Text;
        if (name == "sensorMetadata")
        {
            sb.Append("/sensorMetadata");
            return rest.Count > 1 && rest[1].Kind == Segment.Name ? sb.Append("/@").Append(rest[1].Text).ToString() : sb.ToString();
        }
        if (name == "sensorReport" && rest.Count > 1 && rest[1].Kind == Segment.Index)
        {
            sb.Append("/sensorReport").Append(Position(rest[1]));
            return rest.Count > 2 && rest[2].Kind == Segment.Name ? sb.Append("/@").Append(rest[2].Text).ToString() : sb.ToString();
        }
        return Generic(sb, rest);
    }

    private static string Generic(StringBuilder sb, List<(Segment Kind, string Text)> rest)
    {
        foreach (var (kind, text) in rest)
            sb.Append(kind == Segment.Name ? "/" + text : Position((kind, text)));
        return sb.ToString();
    }

    private static string Position((Segment Kind, string Text) index) =>
        "[" + (int.Parse(index.Text, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Splits <c>$.a.b[2]['x.y']</c> into name and index segments.</summary>
    private static List<(Segment Kind, string Text)> Parse(string path)
    {
        var segments = new List<(Segment, string)>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '['))
                    end++;
                segments.Add((Segment.Name, path[(i + 1)..end]));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var sb = new StringBuilder();
                var j = i + 2;
                for (; j < path.Length && !(path[j] == '\'' && j + 1 < path.Length && path[j + 1] == ']'); j++)
                {
                    if (path[j] == '\\' && j + 1 < path.Length)
                        j++;
                    sb.Append(path[j]);
                }
                segments.Add((Segment.Name, sb.ToString()));
                i = j + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                    break;
                segments.Add((Segment.Index, path[(i + 1)..end]));
                i = end + 1;
            }
            else
            {
                break;
            }
        }
        return segments;
    }
}
