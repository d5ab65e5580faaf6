using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.JsonLd;

public sealed partial class JsonLdContext
{
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
