using Traceability.Domain.Epcis.JsonLd;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>The small structured parts of an event: places, transactions, parties, dispositions, ILMD, errors.</summary>
internal static class EventPartRules
{
    /// <summary>readPoint / bizLocation: <c>{"id": "&lt;URI&gt;"}</c> plus extensions.</summary>
    public static bool Place(JsonNode? node, string path, string owner, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonObject place)
        {
            errors.Add(path, $"must be an object {{\"id\": \"<URI>\"}}; got {JsonValues.Describe(node)}");
            return false;
        }
        var hasId = false;
        foreach (var (name, value) in place)
        {
            if (name == "id")
            {
                hasId = true;
                ValueRules.Identifier(value, JsonPath.Property(path, name), errors);
            }
            else
            {
                ExtensionNames.Check(name, JsonPath.Property(path, name), owner, context, errors);
            }
        }
        if (!hasId)
        {
            errors.Add(JsonPath.Property(path, "id"), $"{owner} needs an id");
        }
        return hasId;
    }

    /// <summary>bizTransactionList: <c>[{"type"?: BTT, "bizTransaction": URI}]</c>; returns its length.</summary>
    public static int BizTransactions(JsonNode? node, string path, ErrorList errors)
    {
        if (node is not JsonArray list)
        {
            errors.Add(path, $"must be an array of business transactions; got {JsonValues.Describe(node)}");
            return 0;
        }
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            if (list[i] is not JsonObject item)
            {
                errors.Add(itemPath, $"must be an object {{\"type\", \"bizTransaction\"}}; got {JsonValues.Describe(list[i])}");
                continue;
            }
            var hasValue = false;
            foreach (var (name, value) in item)
            {
                var fieldPath = JsonPath.Property(itemPath, name);
                switch (name)
                {
                    case "type":
                        ValueRules.Vocabulary(CbvVocabulary.BizTransactionType, value, fieldPath, errors);
                        break;
                    case "bizTransaction":
                        hasValue = true;
                        ValueRules.Uri(value, fieldPath, errors);
                        break;
                    default:
                        errors.Add(fieldPath, $"'{name}' is not allowed here: a business transaction has only type and bizTransaction");
                        break;
                }
            }
            if (!hasValue)
            {
                errors.Add(JsonPath.Property(itemPath, "bizTransaction"), "a business transaction needs its bizTransaction URI");
            }
        }
        return list.Count;
    }

    /// <summary>sourceList / destinationList: <c>[{"type": SDT, "source"|"destination": URI}]</c>.</summary>
    public static void Parties(JsonNode? node, string path, string idName, ErrorList errors)
    {
        if (node is not JsonArray list)
        {
            errors.Add(path, $"must be an array of {{\"type\", \"{idName}\"}} objects; got {JsonValues.Describe(node)}");
            return;
        }
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            if (list[i] is not JsonObject item)
            {
                errors.Add(itemPath, $"must be an object {{\"type\", \"{idName}\"}}; got {JsonValues.Describe(list[i])}");
                continue;
            }
            bool hasType = false, hasId = false;
            foreach (var (name, value) in item)
            {
                var fieldPath = JsonPath.Property(itemPath, name);
                if (name == "type")
                {
                    hasType = true;
                    ValueRules.Vocabulary(CbvVocabulary.SourceDestType, value, fieldPath, errors);
                }
                else if (name == idName)
                {
                    hasId = true;
                    ValueRules.Identifier(value, fieldPath, errors);
                }
                else
                {
                    errors.Add(fieldPath, $"'{name}' is not allowed here: only type and {idName}");
                }
            }
            if (!hasType)
            {
                errors.Add(JsonPath.Property(itemPath, "type"), "needs a type, e.g. owning_party");
            }
            if (!hasId)
            {
                errors.Add(JsonPath.Property(itemPath, idName), $"needs the {idName} identifier");
            }
        }
    }

    /// <summary>persistentDisposition: <c>{"set"?: [Disp], "unset"?: [Disp]}</c>, at least one, each non-empty.</summary>
    public static void PersistentDisposition(JsonNode? node, string path, ErrorList errors)
    {
        if (node is not JsonObject disposition)
        {
            errors.Add(path, $"must be an object with set and/or unset; got {JsonValues.Describe(node)}");
            return;
        }
        var hasAny = false;
        foreach (var (name, value) in disposition)
        {
            var fieldPath = JsonPath.Property(path, name);
            if (name is "set" or "unset")
            {
                hasAny = true;
                DispositionSet(value, fieldPath, errors);
            }
            else
            {
                errors.Add(fieldPath, $"'{name}' is not allowed here: only set and unset");
            }
        }
        if (!hasAny)
        {
            errors.Add(path, "needs set or unset");
        }
    }

    private static void DispositionSet(JsonNode? node, string path, ErrorList errors)
    {
        if (node is not JsonArray list || list.Count == 0)
        {
            errors.Add(path, "must be a non-empty array of dispositions");
            return;
        }
        for (var i = 0; i < list.Count; i++)
        {
            ValueRules.Vocabulary(CbvVocabulary.Disposition, list[i], JsonPath.Index(path, i), errors);
        }
    }

    /// <summary>errorDeclaration: declarationTime required, reason, correctiveEventIDs, extensions.</summary>
    public static void ErrorDeclaration(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonObject declaration)
        {
            errors.Add(path, $"must be an object; got {JsonValues.Describe(node)}");
            return;
        }
        var hasTime = false;
        foreach (var (name, value) in declaration)
        {
            var fieldPath = JsonPath.Property(path, name);
            switch (name)
            {
                case "declarationTime":
                    hasTime = true;
                    ValueRules.Time(value, fieldPath, errors);
                    break;
                case "reason":
                    ValueRules.Vocabulary(CbvVocabulary.ErrorReason, value, fieldPath, errors);
                    break;
                case "correctiveEventIDs":
                    ValueRules.UriList(value, fieldPath, errors);
                    break;
                default:
                    ExtensionNames.Check(name, fieldPath, "errorDeclaration", context, errors);
                    break;
            }
        }
        if (!hasTime)
        {
            errors.Add(JsonPath.Property(path, "declarationTime"), "an errorDeclaration needs its declarationTime");
        }
    }

    /// <summary>ilmd: master data of the objects; every name must be an extension (prefixed) name.</summary>
    public static void Ilmd(JsonNode? node, string path, JsonLdContext context, ErrorList errors)
    {
        if (node is not JsonObject ilmd)
        {
            errors.Add(path, $"must be an object; got {JsonValues.Describe(node)}");
            return;
        }
        foreach (var (name, _) in ilmd)
        {
            ExtensionNames.Check(name, JsonPath.Property(path, name), "ilmd", context, errors);
        }
    }
}
