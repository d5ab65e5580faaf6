using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// The structured standard fields of an event, XML to JSON: identifier and quantity lists, places, business
/// transactions, sources and destinations, persistent disposition, error declaration and ILMD. Each reader takes
/// an entered element and consumes it. Values are carried as written (vocabulary terms made bare); whether they
/// are good values is the JSON validator's business, so XML and JSON refuse the same things.
/// </summary>
internal static class FieldReader
{
    public static string Text(XmlSource source, in XmlSource.Element element) => source.ReadText(element);

    public static JsonNode? DateTime(XmlSource source, in XmlSource.Element element)
    {
        var text = source.ReadText(element, static text => XmlValues.IsDateTimeStamp(text) ? null : DateTimeProblem(text));
        return XmlValues.IsDateTimeStamp(text) ? text : null;
    }

    public static string DateTimeProblem(string text) =>
        $"must be {XmlValues.DateTimeExpected}; got '{(text.Length <= 40 ? text : text[..37] + "…")}'";

    /// <summary>A CBV value: any spelling of a term becomes the bare term.</summary>
    public static JsonNode? Vocabulary(XmlSource source, in XmlSource.Element element, CbvVocabulary vocabulary)
    {
        string? value = null;
        source.ReadText(element, text => (value = CbvXml.ToJson(vocabulary, text)) is null ? VocabularyProblem(text) : null);
        return value;
    }

    /// <summary>A CBV value in the attribute at the reader (its path is built only for an error).</summary>
    public static string? VocabularyAttribute(XmlSource source, string text, CbvVocabulary vocabulary)
    {
        var value = CbvXml.ToJson(vocabulary, text);
        if (value is null)
            source.ErrorAt(source.AttributePath, VocabularyProblem(text));
        return value;
    }

    private static string VocabularyProblem(string text) => $"'{text}' is not a term of the CBV vocabulary it names";

    /// <summary>epcList, childEPCs, inputEPCList, outputEPCList: <c>&lt;epc&gt;</c> elements.</summary>
    public static JsonArray IdentifierList(XmlSource source, in XmlSource.Element element) => IdentifierListOf(source, element, "epc");

    /// <summary>A list of URIs, each the text of an <paramref name="itemName"/> element.</summary>
    public static JsonArray IdentifierListOf(XmlSource source, in XmlSource.Element element, string itemName)
    {
        var list = new JsonArray();
        while (source.NextChild(element))
        {
            if (source.IsEpcis && source.LocalName == itemName)
                list.Add(source.ReadText(source.Enter(indexed: true)));
            else
                source.Reject($"only <{itemName}> elements belong in this list");
        }
        return list;
    }

    /// <summary>quantityList and its siblings: <c>&lt;quantityElement&gt;</c> with epcClass, quantity, uom.</summary>
    public static JsonArray QuantityList(XmlSource source, in XmlSource.Element element)
    {
        var list = new JsonArray();
        while (source.NextChild(element))
        {
            if (source.IsEpcis && source.LocalName == "quantityElement")
                list.Add(QuantityElement(source, source.Enter(indexed: true)));
            else
                source.Reject("only <quantityElement> elements belong in this list");
        }
        return list;
    }

    private static JsonObject QuantityElement(XmlSource source, in XmlSource.Element element)
    {
        var quantity = new JsonObject();
        while (source.NextChild(element))
        {
            var name = source.LocalName;
            if (!source.IsEpcis || name is not ("epcClass" or "quantity" or "uom"))
            {
                source.Reject("a quantityElement holds only epcClass, quantity and uom");
                continue;
            }
            if (quantity.ContainsKey(name))
            {
                source.Reject($"{name} appears more than once", indexed: false);
                continue;
            }
            var child = source.Enter(indexed: false);
            if (name != "quantity")
            {
                quantity[name] = source.ReadText(child);
                continue;
            }
            var nil = IsNil(source);
            var text = source.ReadText(child);
            if (nil)
                continue;
            if (XmlValues.TryDecimal(text, out var number))
                quantity[name] = number;
            else
                source.ErrorAt(source.Path.Child("quantity"), $"must be an xsd:decimal such as 12.5; got '{text}'");
        }
        return quantity;
    }

    /// <summary>readPoint, bizLocation: <c>&lt;id&gt;</c> and extensions.</summary>
    public static JsonObject Place(XmlSource source, in XmlSource.Element element)
    {
        var place = new JsonObject();
        ReadObject(source, element, place, static (s, target) =>
        {
            if (s.LocalName != "id")
                return false;
            Single(s, target, "id", e => s.ReadText(e));
            return true;
        });
        return place;
    }

    /// <summary>bizTransactionList: <c>&lt;bizTransaction type="…"&gt;URI&lt;/bizTransaction&gt;</c>.</summary>
    public static JsonArray BizTransactions(XmlSource source, in XmlSource.Element element) =>
        TypedList(source, element, "bizTransaction", CbvVocabulary.BizTransactionType);

    /// <summary>sourceList / destinationList: <c>&lt;source type="…"&gt;URI&lt;/source&gt;</c>.</summary>
    public static JsonArray Parties(XmlSource source, in XmlSource.Element element, string itemName) =>
        TypedList(source, element, itemName, CbvVocabulary.SourceDestType);

    private static JsonArray TypedList(XmlSource source, in XmlSource.Element element, string itemName, CbvVocabulary typeVocabulary)
    {
        var list = new JsonArray();
        while (source.NextChild(element))
        {
            if (!source.IsEpcis || source.LocalName != itemName)
            {
                source.Reject($"only <{itemName}> elements belong in this list");
                continue;
            }
            var item = new JsonObject();
            var child = source.Enter(indexed: true);
            var started = false;
            while (source.NextAttribute(ref started))
            {
                if (source.Reader.NamespaceURI.Length == 0 && source.Reader.LocalName == "type")
                    item["type"] = VocabularyAttribute(source, source.AttributeValue, typeVocabulary);
                else if (source.Reader.NamespaceURI != XmlNamespaces.Xsi)
                    source.ErrorAt(source.AttributePath, $"<{itemName}> has only a type attribute");
            }
            item[itemName] = source.ReadText(child);
            list.Add(item);
        }
        return list;
    }

    /// <summary>persistentDisposition: <c>&lt;unset&gt;</c> and <c>&lt;set&gt;</c> dispositions.</summary>
    public static JsonObject PersistentDisposition(XmlSource source, in XmlSource.Element element)
    {
        var disposition = new JsonObject();
        while (source.NextChild(element))
        {
            var name = source.LocalName;
            if (!source.IsEpcis || name is not ("set" or "unset"))
            {
                source.Reject("a persistentDisposition holds only set and unset");
                continue;
            }
            var value = Vocabulary(source, source.Enter(indexed: true), CbvVocabulary.Disposition);
            ((JsonArray)(disposition[name] ??= new JsonArray())).Add(value);
        }
        return disposition;
    }

    /// <summary>errorDeclaration: declarationTime, reason, correctiveEventIDs, extensions.</summary>
    public static JsonObject ErrorDeclaration(XmlSource source, in XmlSource.Element element)
    {
        var declaration = new JsonObject();
        ReadObject(source, element, declaration, static (s, target) =>
        {
            switch (s.LocalName)
            {
                case "declarationTime":
                    Single(s, target, "declarationTime", e => DateTime(s, e));
                    return true;
                case "reason":
                    Single(s, target, "reason", e => Vocabulary(s, e, CbvVocabulary.ErrorReason));
                    return true;
                case "correctiveEventIDs":
                    Single(s, target, "correctiveEventIDs", e => CorrectiveEventIds(s, e));
                    return true;
                default:
                    return false;
            }
        });
        return declaration;
    }

    private static JsonArray CorrectiveEventIds(XmlSource source, in XmlSource.Element element)
    {
        var list = new JsonArray();
        while (source.NextChild(element))
        {
            if (source.IsEpcis && source.LocalName == "correctiveEventID")
                list.Add(source.ReadText(source.Enter(indexed: true)));
            else
                source.Reject("only <correctiveEventID> elements belong here");
        }
        return list;
    }

    /// <summary>ilmd: user extensions only (in EPCIS 1.2 also inside its &lt;extension&gt;).</summary>
    public static JsonObject Ilmd(XmlSource source, in XmlSource.Element element)
    {
        var ilmd = new JsonObject();
        ReadObject(source, element, ilmd, static (_, _) => false);
        return ilmd;
    }

    /// <summary>
    /// The children of an open object: <paramref name="standard"/> takes the EPCIS members it knows (returning
    /// true), <c>&lt;extension&gt;</c> wrappers are looked through, other EPCIS elements are refused and any other
    /// element is a user extension.
    /// </summary>
    public static void ReadObject(XmlSource source, in XmlSource.Element element, JsonObject target, Func<XmlSource, JsonObject, bool> standard)
    {
        while (source.NextChild(element))
        {
            if (!source.IsEpcis)
            {
                var key = ExtensionReader.Key(source);
                ExtensionReader.Add(target, key, ExtensionReader.Read(source));
            }
            else if (source.LocalName == "extension")
            {
                ReadObject(source, source.Enter(indexed: false), target, standard);
            }
            else if (!standard(source, target))
            {
                source.Reject($"<{source.LocalName}> is not an element of <{NameOf(source)}>; user extensions need a namespace of their own");
            }
        }
    }

    /// <summary>Reads a member that may appear once; a second one is refused.</summary>
    public static void Single(XmlSource source, JsonObject target, string name, Func<XmlSource.Element, JsonNode?> read)
    {
        if (target.ContainsKey(name))
        {
            source.Reject($"{name} appears more than once", indexed: false);
            return;
        }
        var value = read(source.Enter(indexed: false));
        if (value is not null)
            target[name] = value;
    }

    public static bool IsNil(XmlSource source) =>
        source.Reader.GetAttribute("nil", XmlNamespaces.Xsi) is { } nil && XmlValues.TryBoolean(nil.Trim(), out var isNil) && isNil;

    private static string NameOf(XmlSource source)
    {
        var path = source.Path.Current;
        return path[(path.LastIndexOf('/') + 1)..];
    }
}
