using System.Buffers;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>Checks of single JSON values: strings, URIs, identifiers, times, numbers, CBV values.</summary>
internal static class ValueRules
{
    public static string? String(JsonNode? node, string path, ErrorList errors, string expected = "a string")
    {
        if (JsonValues.TryGetString(node, out var value))
        {
            return value;
        }
        errors.Add(path, $"must be {expected}; got {JsonValues.Describe(node)}");
        return null;
    }

    public static string? Uri(JsonNode? node, string path, ErrorList errors)
    {
        var value = String(node, path, errors, UriSyntax.Expected);
        if (value is not null && !UriSyntax.IsAbsolute(value))
        {
            errors.Add(path, $"must be {UriSyntax.Expected}; got {JsonValues.Quote(value)}");
            return null;
        }
        return value;
    }

    /// <summary>An identifier of objects, classes, places or parties: an absolute URI whose GS1 keys check out.</summary>
    public static string? Identifier(JsonNode? node, string path, ErrorList errors)
    {
        var value = Uri(node, path, errors);
        if (value is not null && DigitalLinkKeyCheck.Check(value) is { } wrongKey)
        {
            errors.Add(path, wrongKey);
            return null;
        }
        return value;
    }

    /// <summary>A list of instance identifiers (epcList, childEPCs …); returns its length.</summary>
    public static int IdentifierList(JsonNode? node, string path, ErrorList errors)
    {
        if (node is not JsonArray list)
        {
            errors.Add(path, $"must be an array of identifiers; got {JsonValues.Describe(node)}");
            return 0;
        }
        // The JSON schema marks epcList uniqueItems; the XML schema lets an <epc> repeat (see ErrorList.Binding).
        HashSet<string>? seen = list.Count > 1 && errors.Binding == EpcisBinding.Json ? new HashSet<string>(list.Count, StringComparer.Ordinal) : null;
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            if (Identifier(list[i], itemPath, errors) is { } id && seen is not null && !seen.Add(id))
            {
                errors.Add(itemPath, $"{JsonValues.Quote(id)} is listed more than once");
            }
        }
        return list.Count;
    }

    public static void UriOrUriList(JsonNode? node, string path, ErrorList errors)
    {
        if (node is JsonArray list)
        {
            UriList(list, path, errors);
        }
        else
        {
            Uri(node, path, errors);
        }
    }

    public static void UriList(JsonNode? node, string path, ErrorList errors)
    {
        if (node is not JsonArray list)
        {
            errors.Add(path, $"must be an array of URIs; got {JsonValues.Describe(node)}");
            return;
        }
        for (var i = 0; i < list.Count; i++)
        {
            Uri(list[i], JsonPath.Index(path, i), errors);
        }
    }

    public static void Time(JsonNode? node, string path, ErrorList errors)
    {
        var value = String(node, path, errors, Rfc3339.Expected);
        if (value is not null && !Rfc3339.IsValid(value))
        {
            errors.Add(path, $"must be {Rfc3339.Expected}; got {JsonValues.Quote(value)}");
        }
    }

    public static void Number(JsonNode? node, string path, ErrorList errors)
    {
        if (!JsonValues.IsNumber(node))
        {
            errors.Add(path, $"must be a JSON number; got {JsonValues.Describe(node)}");
        }
    }

    /// <summary>A UN/CEFACT Recommendation 20 unit code: 2–3 upper-case letters or digits (KGM, LTR, EA).</summary>
    public static void Uom(JsonNode? node, string path, ErrorList errors)
    {
        const string Expected = "a UN/CEFACT Rec. 20 unit code of 2-3 upper-case letters or digits, e.g. KGM";
        var value = String(node, path, errors, Expected);
        if (value is not null && (value.Length is < 2 or > 3 || value.AsSpan().ContainsAnyExcept(UomCharacters)))
        {
            errors.Add(path, $"must be {Expected}; got {JsonValues.Quote(value)}");
        }
    }

    private static readonly SearchValues<char> UomCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>
    /// A CBV value (bare, "cbv:…" or full https://ref.gs1.org/cbv/… form) or the absolute URI of another
    /// vocabulary. EPCIS 1.x CBV URIs (urn:epcglobal:cbv:…) are excluded as the schema excludes them.
    /// </summary>
    public static void Vocabulary(CbvVocabulary vocabulary, JsonNode? node, string path, ErrorList errors)
    {
        var value = String(node, path, errors, $"a CBV 2.0 {Describe(vocabulary)} or an absolute URI");
        if (value is null || Cbv.IsCbvValue(vocabulary, value))
        {
            return;
        }
        if (Cbv.IsInVocabularyNamespace(vocabulary, value))
        {
            errors.Add(path, $"{JsonValues.Quote(value)} is not a CBV 2.0 {Describe(vocabulary)}");
        }
        else if (IsLegacyCbvUri(value))
        {
            errors.Add(path, $"EPCIS 1.x CBV URIs such as {JsonValues.Quote(value)} are not used in EPCIS 2.0 JSON; write the bare CBV value, e.g. '{Example(vocabulary)}'");
        }
        else if (!UriSyntax.IsAbsolute(value))
        {
            errors.Add(path, $"{JsonValues.Quote(value)} is neither a CBV 2.0 {Describe(vocabulary)} (e.g. '{Example(vocabulary)}') nor an absolute URI of another vocabulary");
        }
    }

    private static bool IsLegacyCbvUri(string value) =>
        value.StartsWith("urn:epcglobal:cbv:", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("http://ns.gs1.org/cbv/", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("https://ns.gs1.org/cbv/", StringComparison.OrdinalIgnoreCase);

    private static string Describe(CbvVocabulary vocabulary) => vocabulary switch
    {
        CbvVocabulary.BizStep => "business step",
        CbvVocabulary.Disposition => "disposition",
        CbvVocabulary.BizTransactionType => "business transaction type",
        CbvVocabulary.SourceDestType => "source/destination type",
        CbvVocabulary.ErrorReason => "error reason",
        _ => "sensor component",
    };

    private static string Example(CbvVocabulary vocabulary) => vocabulary switch
    {
        CbvVocabulary.BizStep => "shipping",
        CbvVocabulary.Disposition => "in_transit",
        CbvVocabulary.BizTransactionType => "po",
        CbvVocabulary.SourceDestType => "owning_party",
        CbvVocabulary.ErrorReason => "incorrect_data",
        _ => "latitude",
    };
}
