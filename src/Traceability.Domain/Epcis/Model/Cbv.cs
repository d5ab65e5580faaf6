using System.Collections.Frozen;

namespace Traceability.Domain.Epcis.Model;

/// <summary>
/// CBV 2.0 values in their three spellings: bare ("shipping"), compact IRI ("cbv:BizStep-shipping")
/// and full URI ("https://ref.gs1.org/cbv/BizStep-shipping"). The EPCIS context protects the
/// <c>cbv</c> prefix, so the compact form always means the CBV namespace.
/// </summary>
public static class Cbv
{
    public const string Namespace = "https://ref.gs1.org/cbv/";
    private const string CompactPrefix = "cbv:";

    private static readonly FrozenDictionary<string, string>[] FullUris =
        CbvTerms.All.Select(v => CbvTerms.Of(v).ToFrozenDictionary(
            t => t, t => Namespace + CbvTerms.UriPrefix(v) + t, StringComparer.Ordinal)).ToArray();

    /// <summary>The standard bare terms of a vocabulary (what GET /bizSteps and /dispositions list first).</summary>
    public static IReadOnlyCollection<string> StandardTerms(CbvVocabulary vocabulary) => CbvTerms.Of(vocabulary);

    /// <summary>Whether <paramref name="value"/> is a value of the vocabulary, in any of its spellings.</summary>
    public static bool IsCbvValue(CbvVocabulary vocabulary, string value) => TryGetTerm(vocabulary, value, out _);

    /// <summary>The full CBV URI of a CBV value in any spelling; any other value is returned unchanged.</summary>
    public static string ToUri(CbvVocabulary vocabulary, string value) =>
        TryGetTerm(vocabulary, value, out var term) ? FullUris[(int)vocabulary][term] : value;

    /// <summary>
    /// The bare CBV term ("shipping") of a full CBV URI or compact IRI of any CBV vocabulary;
    /// anything else (bare values, custom URIs) is returned unchanged.
    /// </summary>
    public static string ShortName(string fullOrShort)
    {
        ArgumentNullException.ThrowIfNull(fullOrShort);
        foreach (var vocabulary in CbvTerms.All)
        {
            if (TryGetQualifiedTerm(vocabulary, fullOrShort, out var term))
            {
                return term;
            }
        }
        return fullOrShort;
    }

    internal static bool TryGetTerm(CbvVocabulary vocabulary, string value, out string term)
    {
        if (CbvTerms.Of(vocabulary).TryGetValue(value, out var bare))
        {
            term = bare;
            return true;
        }
        return TryGetQualifiedTerm(vocabulary, value, out term);
    }

    /// <summary>Whether the value is spelt as a member of this vocabulary's CBV namespace, known term or not.</summary>
    internal static bool IsInVocabularyNamespace(CbvVocabulary vocabulary, string value) =>
        QualifiedRest(value).StartsWith(CbvTerms.UriPrefix(vocabulary), StringComparison.Ordinal);

    private static bool TryGetQualifiedTerm(CbvVocabulary vocabulary, string value, out string term)
    {
        var rest = QualifiedRest(value);
        var prefix = CbvTerms.UriPrefix(vocabulary);
        if (rest.StartsWith(prefix, StringComparison.Ordinal)
            && CbvTerms.Of(vocabulary).GetAlternateLookup<ReadOnlySpan<char>>()
                .TryGetValue(rest[prefix.Length..], out var known))
        {
            term = known;
            return true;
        }
        term = "";
        return false;
    }

    /// <summary>The part after "https://ref.gs1.org/cbv/" or "cbv:", or empty when neither.</summary>
    private static ReadOnlySpan<char> QualifiedRest(string value)
    {
        if (value.StartsWith(Namespace, StringComparison.Ordinal))
        {
            return value.AsSpan(Namespace.Length);
        }
        return value.StartsWith(CompactPrefix, StringComparison.Ordinal)
            ? value.AsSpan(CompactPrefix.Length)
            : [];
    }
}
