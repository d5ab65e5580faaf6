using Traceability.Domain.Epcis.JsonLd;
namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// User extensions: any name that is a compact IRI with a prefix declared in the @context in scope
/// ("ext1:name"), or a full IRI ("https://example.com/ns#name", "urn:…"). Names without a prefix are
/// not EPCIS fields and are rejected, as the schema's propertyNames rules do.
/// </summary>
internal static class ExtensionNames
{
    /// <summary>Reports <paramref name="name"/> unless it is a usable extension name.</summary>
    public static void Check(string name, string path, string owner, JsonLdContext context, ErrorList errors)
    {
        var colon = name.IndexOf(':');
        if (colon < 0)
        {
            errors.Add(path, $"'{name}' is not a field of {owner}; extension fields need a namespace prefix declared in @context, e.g. \"example:{name}\"");
            return;
        }
        var prefix = name.AsSpan(0, colon);
        var rest = name.AsSpan(colon + 1);
        if (rest.StartsWith("//") || prefix.SequenceEqual("urn"))
        {
            if (!UriSyntax.IsAbsolute(name))
            {
                errors.Add(path, $"extension name {JsonValues.Quote(name)} is not a valid IRI");
            }
            return;
        }
        if (colon == 0 || rest.IsEmpty)
        {
            errors.Add(path, $"extension name {JsonValues.Quote(name)} is not a valid compact IRI (prefix:name)");
        }
        // Standard prefixes count even when the EPCIS context is missing: that is reported once, on @context.
        else if (!context.IsDeclaredPrefix(prefix) && !JsonLdContext.IsStandardPrefix(prefix))
        {
            errors.Add(path, $"the prefix '{prefix}' of {JsonValues.Quote(name)} is not declared in @context");
        }
    }
}
