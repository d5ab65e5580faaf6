using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Xml;

/// <summary>
/// Standard vocabulary values between the bindings: XML writes CBV values as EPCIS 1.x URNs
/// (<c>urn:epcglobal:cbv:bizstep:shipping</c>) or CBV 2.0 URIs, JSON as bare terms (<c>shipping</c>);
/// GS1 Web Vocabulary sensor terms are <c>gs1:Temperature</c> in XML and <c>Temperature</c> in JSON.
/// </summary>
internal static class CbvXml
{
    private const string Gs1Compact = "gs1:";
    private const string Gs1Namespace = "https://gs1.org/voc/";

    /// <summary>The URN prefix of a vocabulary; the sensor components have none and use "cbv:Comp-".</summary>
    public static string XmlPrefix(CbvVocabulary vocabulary) => vocabulary switch
    {
        CbvVocabulary.BizStep => "urn:epcglobal:cbv:bizstep:",
        CbvVocabulary.Disposition => "urn:epcglobal:cbv:disp:",
        CbvVocabulary.BizTransactionType => "urn:epcglobal:cbv:btt:",
        CbvVocabulary.SourceDestType => "urn:epcglobal:cbv:sdt:",
        CbvVocabulary.ErrorReason => "urn:epcglobal:cbv:er:",
        _ => "cbv:Comp-",
    };

    /// <summary>
    /// The JSON form of an XML vocabulary value: the bare term for any spelling of a CBV term, else the value.
    /// Null when the value is spelt as a CBV URN but names no term of the vocabulary.
    /// </summary>
    public static string? ToJson(CbvVocabulary vocabulary, string value)
    {
        var urn = XmlPrefix(vocabulary);
        if (value.StartsWith(urn, StringComparison.Ordinal))
        {
            var term = value[urn.Length..];
            return CbvTerms.Of(vocabulary).Contains(term) ? term : null;
        }
        return Cbv.TryGetTerm(vocabulary, value, out var bare) ? bare : value;
    }

    /// <summary>The XML form of a JSON vocabulary value: the URN of a CBV term, anything else unchanged.</summary>
    public static string ToXml(CbvVocabulary vocabulary, string value) =>
        Cbv.TryGetTerm(vocabulary, value, out var term) ? XmlPrefix(vocabulary) + term : value;

    /// <summary>A sensor measurement or alert type: "gs1:Temperature" or its full URI becomes "Temperature".</summary>
    public static string Gs1TermToJson(string value)
    {
        var term = value.StartsWith(Gs1Compact, StringComparison.Ordinal) ? value[Gs1Compact.Length..]
            : value.StartsWith(Gs1Namespace, StringComparison.Ordinal) ? value[Gs1Namespace.Length..]
            : null;
        return term is not null && IsTermName(term) ? term : value;
    }

    /// <summary>A bare GS1 Web Vocabulary term becomes "gs1:Term"; URIs stay as they are.</summary>
    public static string Gs1TermToXml(string value) => IsTermName(value) ? Gs1Compact + value : value;

    private static bool IsTermName(string term) =>
        term.Length > 0 && char.IsAsciiLetterUpper(term[0]) && !term.AsSpan().ContainsAnyExcept(TermCharacters);

    private static readonly System.Buffers.SearchValues<char> TermCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
}
