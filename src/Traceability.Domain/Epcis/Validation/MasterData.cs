using Traceability.Domain.Epcis.JsonLd;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// Master data carried in a document (epcisHeader.epcisMasterData.vocabularyList):
/// <c>[{"type": URI, "vocabularyElementList": [{"id": URI, "attributes": [{"id": URI, "attribute": …}], "children": [URI]}]}]</c>.
/// The schema leaves these objects open, so only the listed members are checked.
/// </summary>
internal static class MasterData
{
    public static void Validate(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonObject masterData)
        {
            errors.Add(path, $"must be an object; got {JsonValues.Describe(node)}");
            return;
        }
        foreach (var (name, value) in masterData)
        {
            var fieldPath = JsonPath.Property(path, name);
            if (name == "vocabularyList")
            {
                VocabularyList(value, fieldPath, errors);
            }
            else
            {
                ExtensionNames.Check(name, fieldPath, "epcisMasterData", context, errors);
            }
        }
    }

    public static void VocabularyList(JsonNode? node, string path, ErrorList errors) =>
        EachObject(node, path, errors, (vocabulary, vocabularyPath) =>
        {
            RequiredUri(vocabulary, "type", vocabularyPath, errors);
            if (vocabulary.TryGetPropertyValue("vocabularyElementList", out var elements))
            {
                EachObject(elements, JsonPath.Property(vocabularyPath, "vocabularyElementList"), errors,
                    (element, elementPath) => Element(element, elementPath, errors));
            }
        });

    private static void Element(JsonObject element, string path, ErrorList errors)
    {
        RequiredUri(element, "id", path, errors);
        if (element.TryGetPropertyValue("attributes", out var attributes))
        {
            EachObject(attributes, JsonPath.Property(path, "attributes"), errors,
                (attribute, attributePath) => RequiredUri(attribute, "id", attributePath, errors));
        }
        if (element.TryGetPropertyValue("children", out var children))
        {
            ValueRules.UriList(children, JsonPath.Property(path, "children"), errors);
        }
    }

    private static void RequiredUri(JsonObject owner, string name, string path, ErrorList errors)
    {
        if (owner.TryGetPropertyValue(name, out var value))
        {
            ValueRules.Uri(value, JsonPath.Property(path, name), errors);
        }
        else
        {
            errors.Add(JsonPath.Property(path, name), $"needs its {name}");
        }
    }

    private static void EachObject(JsonNode? node, string path, ErrorList errors, Action<JsonObject, string> check)
    {
        if (node is not JsonArray list)
        {
            errors.Add(path, $"must be an array; got {JsonValues.Describe(node)}");
            return;
        }
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            if (list[i] is JsonObject item)
            {
                check(item, itemPath);
            }
            else
            {
                errors.Add(itemPath, $"must be an object; got {JsonValues.Describe(list[i])}");
            }
        }
    }
}
