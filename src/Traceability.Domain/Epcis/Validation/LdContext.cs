using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// What validation needs from a JSON-LD <c>@context</c>: whether it includes the EPCIS 2.0 context, and
/// which prefixes it declares for extension names ("ext1:name"). Scopes nest: an event's own
/// <c>@context</c> adds to the document's.
/// </summary>
internal sealed class LdContext
{
    public const string EpcisContextUri = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /// <summary>Prefixes the standard EPCIS context itself defines.</summary>
    private static readonly FrozenSet<string> StandardPrefixes = FrozenSet.Create(StringComparer.Ordinal,
        "epcis", "cbv", "cbvmda", "gs1", "rdfs", "owl", "xsd", "dcterms");

    /// <summary>No context at all (a standalone event that lacks one).</summary>
    public static readonly LdContext None = new(null, null, false, false);

    private readonly LdContext? parent;
    private readonly HashSet<string>? prefixes;

    private LdContext(LdContext? parent, HashSet<string>? prefixes, bool includesEpcis, bool hasOtherRemote)
    {
        this.parent = parent;
        this.prefixes = prefixes;
        IncludesEpcisContext = includesEpcis || (parent?.IncludesEpcisContext ?? false);
        HasOtherRemoteContext = hasOtherRemote || (parent?.HasOtherRemoteContext ?? false);
    }

    public bool IncludesEpcisContext { get; }

    /// <summary>
    /// A remote context other than the EPCIS one is referenced; its prefixes cannot be known offline,
    /// so any prefix is then taken as declared.
    /// </summary>
    public bool HasOtherRemoteContext { get; }

    /// <summary>Reads <paramref name="node"/> (the value of an @context) on top of <paramref name="outer"/>.</summary>
    public static LdContext Read(JsonNode? node, string path, ErrorList errors, LdContext? outer = null)
    {
        var builder = new Builder();
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    builder.AddEntry(array[i], JsonPath.Index(path, i), errors, array, i);
                }
                break;
            case JsonObject or JsonValue:
                builder.AddEntry(node, path, errors, null, 0);
                break;
            default:
                errors.Add(path, "@context must be a URI, an object or an array of those");
                break;
        }
        return new LdContext(outer ?? None, builder.Prefixes, builder.IncludesEpcis, builder.HasOtherRemote);
    }

    public bool IsDeclaredPrefix(ReadOnlySpan<char> prefix)
    {
        // Standard prefixes count even when the EPCIS context is missing: that is reported once, on @context.
        if (HasOtherRemoteContext || StandardPrefixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prefix))
        {
            return true;
        }
        for (var scope = this; scope is not null; scope = scope.parent)
        {
            if (scope.prefixes is { } declared && declared.GetAlternateLookup<ReadOnlySpan<char>>().Contains(prefix))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The EPCIS 2.0 context at ref.gs1.org: unversioned, or any 2.x.y version directory.</summary>
    public static bool IsEpcisContextUri(string uri)
    {
        const string Base = "https://ref.gs1.org/standards/epcis/";
        const string File = "epcis-context.jsonld";
        if (!uri.StartsWith(Base, StringComparison.Ordinal) || !uri.EndsWith(File, StringComparison.Ordinal))
        {
            return false;
        }
        var middle = uri.AsSpan(Base.Length, uri.Length - Base.Length - File.Length);
        return middle.IsEmpty || IsVersion2Directory(middle);
    }

    private static bool IsVersion2Directory(ReadOnlySpan<char> s)
    {
        // "2.0.0/", "2.0.1/", "2.1.0/" …
        if (s.Length < 6 || s[0] != '2' || s[1] != '.' || s[^1] != '/')
        {
            return false;
        }
        var version = s[2..^1];
        var dot = version.IndexOf('.');
        return dot > 0 && dot < version.Length - 1
            && !version[..dot].ContainsAnyExceptInRange('0', '9')
            && !version[(dot + 1)..].ContainsAnyExceptInRange('0', '9');
    }

    private sealed class Builder
    {
        public HashSet<string>? Prefixes { get; private set; }
        public bool IncludesEpcis { get; private set; }
        public bool HasOtherRemote { get; private set; }

        public void AddEntry(JsonNode? entry, string path, ErrorList errors, JsonArray? siblings, int index)
        {
            switch (entry)
            {
                case JsonObject definitions:
                    AddDefinitions(definitions);
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    AddRemote(value.GetValue<string>(), path, errors, siblings, index);
                    break;
                default:
                    errors.Add(path, "each @context entry must be a context URI or an object");
                    break;
            }
        }

        private void AddRemote(string uri, string path, ErrorList errors, JsonArray? siblings, int index)
        {
            if (!UriSyntax.IsAbsolute(uri))
            {
                errors.Add(path, "a remote @context must be an absolute URI");
                return;
            }
            if (siblings is not null && IsRepeated(uri, siblings, index))
            {
                errors.Add(path, $"@context lists '{uri}' more than once");
            }
            if (IsEpcisContextUri(uri))
            {
                IncludesEpcis = true;
            }
            else
            {
                HasOtherRemote = true;
            }
        }

        private void AddDefinitions(JsonObject definitions)
        {
            foreach (var (term, definition) in definitions)
            {
                // Keywords (@vocab, @protected …) and compact-IRI terms declare no prefix.
                if (term.StartsWith('@') || term.Contains(':') || definition is null)
                {
                    continue;
                }
                if (definition is JsonObject || definition.GetValueKind() == JsonValueKind.String)
                {
                    (Prefixes ??= new HashSet<string>(StringComparer.Ordinal)).Add(term);
                }
            }
        }

        private static bool IsRepeated(string uri, JsonArray siblings, int index)
        {
            for (var i = 0; i < index; i++)
            {
                if (siblings[i] is JsonValue earlier && earlier.GetValueKind() == JsonValueKind.String
                    && earlier.GetValue<string>() == uri)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
