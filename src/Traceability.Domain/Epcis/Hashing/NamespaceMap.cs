using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.JsonLd;

namespace Traceability.Domain.Epcis.Hashing;

/// <summary>
/// The pre-hash's spelling of names and values (CBV 2.0 §8.9 rules 15 and 19-21) over the one JSON-LD resolver,
/// <see cref="JsonLdContext"/>: extension names become <c>{namespace}localName</c>, compact IRI values full IRIs.
/// </summary>
internal sealed class NamespaceMap(JsonLdContext context)
{
    /// <summary>The prefixes of the standard EPCIS 2.0 context.</summary>
    public static readonly NamespaceMap Standard = new(JsonLdContext.Epcis);

    public JsonLdContext Context { get; } = context;

    /// <summary>This map extended by a JSON-LD @context value (a string, an object, or an array of them).</summary>
    public NamespaceMap With(JsonNode? context) => context is null ? this : new NamespaceMap(Context.With(context));

    /// <summary>
    /// The pre-hash name of a property: <c>example:myField</c> becomes <c>{https://ns.example.com/epcis/}myField</c>.
    /// A name the context cannot resolve is kept as written, so that it still counts in the hash.
    /// </summary>
    public string ExpandName(string name)
    {
        var colon = name.IndexOf(':');
        if (colon > 0)
        {
            if (Context.TryExpandCompact(name, out var ns, out var local)) return "{" + ns + "}" + local;
            return name.Contains("://", StringComparison.Ordinal) ? SplitIri(name) : name;
        }
        if (Context.TryGetTerm(name, out var term) && term.Iri is { } iri) return SplitIri(iri);
        return Context.Vocab is null ? name : "{" + Context.Vocab + "}" + name;
    }

    /// <summary>The full IRI of a compact IRI value such as <c>gs1:Temperature</c>; null when it is not one.</summary>
    public string? ExpandCompactValue(string value) =>
        Context.TryExpandCompact(value, out var ns, out var suffix) ? ns + suffix : null;

    private static string SplitIri(string iri)
    {
        var cut = iri.LastIndexOfAny(['/', '#']);
        return cut <= 0 || cut == iri.Length - 1 ? iri : "{" + iri[..(cut + 1)] + "}" + iri[(cut + 1)..];
    }
}
