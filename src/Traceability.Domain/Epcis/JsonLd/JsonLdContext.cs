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
public sealed class JsonLdContext
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

    /// <summary>JSON-LD 1.1 context processing (§4.1 of the processing algorithms), without fetching anything.</summary>
    private sealed class Builder(JsonLdContext start, Action<string, string> error)
    {
        private Dictionary<string, LdTerm> _terms = start._terms;
        private bool _copied;
        private string? _vocab = start.Vocab;
        private bool _epcis = start.IncludesEpcisContext;
        private bool _open = start.IsOpen;

        public JsonLdContext Build() => new(_terms, _vocab, _epcis, _open);

        public void Process(JsonNode local, string path)
        {
            if (local is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++) Entry(array[i], $"{path}[{i}]", array, i);
            }
            else Entry(local, path, null, 0);
        }

        private void Entry(JsonNode? entry, string path, JsonArray? siblings, int index)
        {
            switch (entry)
            {
                case null:
                    _terms = new Dictionary<string, LdTerm>(StringComparer.Ordinal);
                    _copied = true;
                    _vocab = null;
                    _epcis = _open = false;
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    Remote(value.GetValue<string>(), path, siblings, index);
                    break;
                case JsonObject definitions:
                    Definitions(definitions, path);
                    break;
                case JsonArray nested:
                    // Not a valid context (validation refuses it), but read as flattened so no guard can be hidden in one.
                    error(path, "an @context array may not hold another array");
                    Process(nested, path);
                    break;
                default:
                    error(path, "each @context entry must be a context URI, an object of term definitions or null");
                    break;
            }
        }

        private void Remote(string uri, string path, JsonArray? siblings, int index)
        {
            if (!Validation.UriSyntax.IsAbsolute(uri))
            {
                error(path, "a remote @context must be an absolute URI");
                return;
            }
            if (siblings is not null && IsRepeated(uri, siblings, index)) error(path, $"@context lists '{uri}' more than once");
            if (IsEpcisContextUri(uri))
            {
                if (!_epcis) foreach (var (name, term) in StandardTerms) Set(name, term);
                _epcis = true;
            }
            else _open = true;
        }

        private void Definitions(JsonObject local, string path)
        {
            var scope = new LocalScope(local);
            // @vocab first: term definitions without @id map to it (JSON-LD processes it before the terms).
            if (local.TryGetPropertyValue("@vocab", out var vocab)) Vocabulary(vocab, $"{path}.@vocab", scope);
            foreach (var (key, value) in local)
            {
                var at = $"{path}.{key}";
                switch (key)
                {
                    case "@version":
                        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || v.ToJsonString() is not ("1.1" or "1.10"))
                            error(at, "@version must be the number 1.1");
                        break;
                    case "@import":
                        if (value is JsonValue i && i.GetValueKind() == JsonValueKind.String && Validation.UriSyntax.IsAbsolute(i.GetValue<string>())) _open = true;
                        else error(at, "@import must be an absolute context URI");
                        break;
                    case "@vocab" or "@base" or "@language" or "@direction" or "@propagate" or "@protected":
                        break; // @vocab is done; the others have no bearing on which IRI a name expands to
                    default:
                        if (key.StartsWith('@')) error(at, $"'{key}' is not a JSON-LD context keyword");
                        else Define(key, scope, at);
                        break;
                }
            }
        }

        /// <summary>The local context being processed: which of its terms are defined already, which are underway.</summary>
        private sealed record LocalScope(JsonObject Local)
        {
            public HashSet<string> Defined { get; } = new(StringComparer.Ordinal);
            public HashSet<string> Defining { get; } = new(StringComparer.Ordinal);
        }

        private void Vocabulary(JsonNode? value, string path, LocalScope scope)
        {
            if (value is null)
            {
                _vocab = null;
                return;
            }
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                // Refused by validation; for the hash it unsets the vocabulary, as the reference implementation reads it.
                error(path, "@vocab must be an IRI or null");
                _vocab = null;
                return;
            }
            var text = v.GetValue<string>();
            var iri = Expand(text, scope, path);
            if (iri is null) error(path, $"@vocab '{text}' is not an absolute IRI, a compact IRI or a term");
            else _vocab = iri;
        }

        /// <summary>Creates one term definition, first creating those of the same local context it depends on.</summary>
        private void Define(string term, LocalScope scope, string path)
        {
            if (scope.Defined.Contains(term)) return;
            if (!scope.Defining.Add(term))
            {
                error(path, $"the definition of '{term}' refers to itself");
                return;
            }
            var value = scope.Local[term];
            LdTerm? defined = value switch
            {
                null => new LdTerm(null, false),
                JsonValue s when s.GetValueKind() == JsonValueKind.String => Simple(term, s.GetValue<string>(), scope, path),
                JsonObject expanded => Expanded(term, expanded, scope, path),
                _ => Invalid(path, $"the definition of '{term}' must be an IRI, an object or null"),
            };
            scope.Defining.Remove(term);
            scope.Defined.Add(term);
            if (defined is null) return;
            // The EPCIS context is @protected, but documents the peer suites call valid redefine its prefixes (cbvmda):
            // later definitions win, as every EPCIS repository reads them.
            Set(term, defined);
        }

        private LdTerm? Simple(string term, string value, LocalScope scope, string path)
        {
            if (value.StartsWith('@')) return new LdTerm(null, false); // a keyword alias ("id": "@id") names no IRI
            var iri = Expand(value, scope, path);
            return iri is null ? Invalid(path, $"'{value}' is not an absolute IRI, a compact IRI or a term") : new LdTerm(iri, IsUsablePrefix(term));
        }

        private LdTerm? Expanded(string term, JsonObject definition, LocalScope scope, string path)
        {
            string? iri = null;
            var hasId = definition.TryGetPropertyValue("@id", out var id) || definition.TryGetPropertyValue("@reverse", out id);
            if (hasId && id is not null)
            {
                if (id is not JsonValue idValue || idValue.GetValueKind() != JsonValueKind.String)
                    return Invalid(path, "@id must be an IRI");
                var text = idValue.GetValue<string>();
                if (text.StartsWith('@')) return new LdTerm(null, false);
                iri = Expand(text, scope, path);
                if (iri is null) return Invalid(path, $"'{text}' is not an absolute IRI, a compact IRI or a term");
            }
            else if (!hasId)
            {
                // No @id: a compact-IRI term maps to its own expansion, any other to the vocabulary.
                iri = term.IndexOf(':') > 0 ? Expand(term, scope, path, asTerm: false) : _vocab is null ? null : _vocab + term;
            }
            var prefix = IsUsablePrefix(term);
            if (definition["@prefix"] is { } flag)
            {
                var kind = flag.GetValueKind();
                if (kind is not (JsonValueKind.True or JsonValueKind.False)) return Invalid(path, "@prefix must be true or false");
                prefix = kind == JsonValueKind.True;
            }
            var scoped = definition["@context"];
            if (scoped is not null) _ = start.With(scoped, $"{path}.@context", error); // report its problems now
            return new LdTerm(iri, prefix && iri is not null, scoped?.DeepClone());
        }

        /// <summary>IRI expansion during context processing: terms of the same local context are defined first.</summary>
        private string? Expand(string value, LocalScope scope, string path, bool asTerm = true)
        {
            if (asTerm)
            {
                if (scope.Local.ContainsKey(value)) Define(value, scope, path);
                if (_terms.TryGetValue(value, out var term)) return term.Iri;
            }
            var colon = value.IndexOf(':');
            if (colon > 0)
            {
                if (IsAbsoluteIriTail(value, colon) || value.StartsWith("_:", StringComparison.Ordinal)) return value;
                var prefix = value[..colon];
                if (scope.Local.ContainsKey(prefix)) Define(prefix, scope, path);
                if (_terms.TryGetValue(prefix, out var p) && p.IsPrefix && p.Iri is not null) return p.Iri + value[(colon + 1)..];
                return Validation.UriSyntax.IsAbsolute(value) ? value : null;
            }
            return _vocab is null ? null : _vocab + value;
        }

        // A term may serve as a prefix unless it is itself an IRI or compact IRI.
        private static bool IsUsablePrefix(string term) => term.IndexOf(':') < 0 && term.IndexOf('/') < 0;

        private LdTerm? Invalid(string path, string message)
        {
            error(path, message);
            return null;
        }

        private void Set(string name, LdTerm term)
        {
            if (!_copied)
            {
                _terms = new Dictionary<string, LdTerm>(_terms, StringComparer.Ordinal);
                _copied = true;
            }
            _terms[name] = term;
        }

        private static bool IsRepeated(string uri, JsonArray siblings, int index)
        {
            for (var i = 0; i < index; i++)
            {
                if (siblings[i] is JsonValue earlier && earlier.GetValueKind() == JsonValueKind.String && earlier.GetValue<string>() == uri)
                    return true;
            }
            return false;
        }
    }
}
