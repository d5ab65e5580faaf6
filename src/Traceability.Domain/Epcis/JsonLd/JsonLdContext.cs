using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.JsonLd;

/// <summary>One term of an active context: the IRI it maps to (null: explicitly unmapped), whether compact IRIs may
/// use it as their prefix, and the context it scopes onto the values of properties named by it.</summary>
public sealed record LdTerm(string? Iri, bool IsPrefix, JsonNode? ScopedContext = null);

/// <summary>
/// The one JSON-LD 1.1 context resolver of the system: every component that asks "which IRI does this name stand
/// for" (validation, the CBV event hash, the lab-only guard, consumer views, the lab-result reader) asks this, so
/// they cannot disagree. It processes every form a context may take — a remote context URI (the EPCIS 2.0 context is
/// known offline; any other makes the scope "open"), an object of term definitions (string, <c>{"@id"}</c>,
/// <c>{"@reverse"}</c>, <c>null</c>, <c>@prefix</c>, term-scoped <c>@context</c>), <c>@vocab</c>, <c>@import</c>,
/// <c>null</c> resets and arrays of all of these, in order, with definitions that refer to each other.
/// </summary>
/// <remarks>
/// One deliberate leniency: JSON-LD 1.1 lets an expanded definition (<c>{"@id": …}</c>) act as a prefix only with
/// <c>"@prefix": true</c>. Producers write both forms meaning a namespace, and the CBV 2.0 hash reference does too,
/// so here any mapped term is a prefix unless it says <c>"@prefix": false</c>. Being lenient in the same way
/// everywhere is what keeps the guard and the readers in agreement.
/// </remarks>
public sealed partial class JsonLdContext
{
    /// <summary>The EPCIS 2.0 context, wherever it is published (unversioned or any 2.x.y directory).</summary>
    public const string EpcisContextUri = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    private static readonly FrozenDictionary<string, LdTerm> StandardTerms = new Dictionary<string, LdTerm>(StringComparer.Ordinal)
    {
        ["epcis"] = new("https://ref.gs1.org/epcis/", true),
        ["cbv"] = new("https://ref.gs1.org/cbv/", true),
        ["cbvmda"] = new("urn:epcglobal:cbv:mda:", true),
        ["gs1"] = new("https://gs1.org/voc/", true),
        ["rdfs"] = new("http://www.w3.org/2000/01/rdf-schema#", true),
        ["owl"] = new("http://www.w3.org/2002/07/owl#", true),
        ["xsd"] = new("http://www.w3.org/2001/XMLSchema#", true),
        ["dcterms"] = new("http://purl.org/dc/terms/", true),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>No context at all.</summary>
    public static readonly JsonLdContext Empty = new(new Dictionary<string, LdTerm>(StringComparer.Ordinal), null, false, false);

    /// <summary>What the EPCIS 2.0 context defines that names can refer to: its prefixes.</summary>
    public static readonly JsonLdContext Epcis = new(new Dictionary<string, LdTerm>(StandardTerms, StringComparer.Ordinal), null, true, false);

    private readonly Dictionary<string, LdTerm> _terms;

    private JsonLdContext(Dictionary<string, LdTerm> terms, string? vocab, bool includesEpcis, bool isOpen)
    {
        _terms = terms;
        Vocab = vocab;
        IncludesEpcisContext = includesEpcis;
        IsOpen = isOpen;
    }

    /// <summary>The default vocabulary (<c>@vocab</c>) unprefixed names expand against, if any.</summary>
    public string? Vocab { get; }

    /// <summary>The EPCIS 2.0 context is part of this scope.</summary>
    public bool IncludesEpcisContext { get; }

    /// <summary>
    /// A remote context other than the EPCIS one is part of this scope: what it defines cannot be known offline, so
    /// any prefix counts as declared (validation) while the names it would define stay unresolved.
    /// </summary>
    public bool IsOpen { get; }

    public IEnumerable<KeyValuePair<string, LdTerm>> Terms => _terms;

    /// <summary>
    /// This context with a local context (the value of an <c>@context</c>) processed on top, in order. Problems (a
    /// relative remote URI, a malformed definition, a protected prefix redefined) are reported through
    /// <paramref name="error"/> with a path below <paramref name="path"/>, and the offending entry is skipped.
    /// </summary>
    public JsonLdContext With(JsonNode? local, string path = "$.@context", Action<string, string>? error = null)
    {
        if (local is null) return this;
        var builder = new Builder(this, error ?? ((_, _) => { }));
        builder.Process(local, path);
        return builder.Build();
    }

    /// <summary>The scope for the value of property <paramref name="name"/>: its term-scoped context applied.</summary>
    public JsonLdContext ForProperty(string name) =>
        _terms.TryGetValue(name, out var term) && term.ScopedContext is { } scoped ? With(scoped) : this;

    /// <summary>The scope inside a node object: its embedded <c>@context</c>, if any, applied.</summary>
    public JsonLdContext ForNode(JsonObject node) =>
        node.TryGetPropertyValue("@context", out var embedded) ? With(embedded) : this;

    public bool TryGetTerm(string name, out LdTerm term) => _terms.TryGetValue(name, out term!);

    /// <summary>Whether <paramref name="prefix"/> may start a compact IRI here (declared, or the scope is open).</summary>
    public bool IsDeclaredPrefix(ReadOnlySpan<char> prefix) =>
        IsOpen || (_terms.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(prefix, out var t) && t.IsPrefix && t.Iri is not null);

    /// <summary>A prefix the EPCIS 2.0 context defines (cbv, gs1 …).</summary>
    public static bool IsStandardPrefix(ReadOnlySpan<char> prefix) => StandardTerms.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(prefix);

    /// <summary>The namespace and local part of a compact IRI <c>prefix:suffix</c> whose prefix this context maps.</summary>
    public bool TryExpandCompact(string value, out string ns, out string suffix)
    {
        ns = suffix = "";
        var colon = value.IndexOf(':');
        if (colon <= 0 || IsAbsoluteIriTail(value, colon)) return false;
        if (!_terms.TryGetValue(value[..colon], out var term) || !term.IsPrefix || term.Iri is null) return false;
        ns = term.Iri;
        suffix = value[(colon + 1)..];
        return true;
    }

    /// <summary>
    /// The IRI a property name stands for (JSON-LD IRI expansion with vocab): a term's mapping, a compact IRI, an
    /// absolute IRI as written, or the default vocabulary plus the name; null when nothing maps it.
    /// </summary>
    public string? ExpandName(string name)
    {
        if (name.StartsWith('@')) return name;
        if (_terms.TryGetValue(name, out var term)) return term.Iri;
        if (TryExpandCompact(name, out var ns, out var suffix)) return ns + suffix;
        if (name.IndexOf(':') > 0) return name; // an absolute IRI (scheme:…), or a prefix nobody defined
        return Vocab is null ? null : Vocab + name;
    }

    /// <summary>
    /// Whether this scope maps any term (term-scoped contexts included) or its vocabulary into <paramref name="iriBase"/>:
    /// how the lab-only guard finds a namespace declared in any form, used or not.
    /// </summary>
    public bool MapsInto(string iriBase) => MapsInto(iriBase, null, 0);

    private bool MapsInto(string iriBase, JsonLdContext? parent, int depth)
    {
        if (depth > 8) return true; // scopes nested this deep are no honest document's: treat them as suspect
        if (Vocab != parent?.Vocab && (Vocab?.StartsWith(iriBase, StringComparison.Ordinal) ?? false)) return true;
        foreach (var (name, term) in _terms)
        {
            if (parent is not null && parent._terms.TryGetValue(name, out var inherited) && inherited == term) continue;
            if (term.Iri?.StartsWith(iriBase, StringComparison.Ordinal) == true) return true;
            if (term.ScopedContext is { } scoped && With(scoped).MapsInto(iriBase, this, depth + 1)) return true;
        }
        return false;
    }

    /// <summary>The prefixes that map exactly to <paramref name="ns"/>.</summary>
    public IEnumerable<string> PrefixesFor(string ns) =>
        _terms.Where(t => t.Value.IsPrefix && t.Value.Iri == ns).Select(t => t.Key);

    /// <summary>The EPCIS 2.0 context at ref.gs1.org: unversioned, or any 2.x.y version directory.</summary>
    public static bool IsEpcisContextUri(string uri)
    {
        const string Base = "https://ref.gs1.org/standards/epcis/";
        const string File = "epcis-context.jsonld";
        if (!uri.StartsWith(Base, StringComparison.Ordinal) || !uri.EndsWith(File, StringComparison.Ordinal)) return false;
        var middle = uri.AsSpan(Base.Length, uri.Length - Base.Length - File.Length);
        return middle.IsEmpty || IsVersion2Directory(middle);
    }

    // "https://x" and "urn:…" are absolute IRIs, not prefix "https" (JSON-LD 1.1 §4.4 compact IRIs).
    internal static bool IsAbsoluteIriTail(string text, int colon) =>
        text.Length > colon + 2 && text[colon + 1] == '/' && text[colon + 2] == '/';

    private static bool IsVersion2Directory(ReadOnlySpan<char> s)
    {
        // "2.0.0/", "2.0.1/", "2.1.0/" …
        if (s.Length < 6 || s[0] != '2' || s[1] != '.' || s[^1] != '/') return false;
        var version = s[2..^1];
        var dot = version.IndexOf('.');
        return dot > 0 && dot < version.Length - 1
            && !version[..dot].ContainsAnyExceptInRange('0', '9')
            && !version[(dot + 1)..].ContainsAnyExceptInRange('0', '9');
    }
}
