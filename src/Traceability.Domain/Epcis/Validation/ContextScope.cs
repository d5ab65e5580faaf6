using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.JsonLd;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>Reads an <c>@context</c> value for validation, reporting what the resolver found wrong with it.</summary>
internal static class ContextScope
{
    public static JsonLdContext Read(JsonNode? node, string path, ErrorList errors, JsonLdContext? outer = null)
    {
        if (node is null)
        {
            errors.Add(path, "@context must be a URI, an object or an array of those");
            return outer ?? JsonLdContext.Empty;
        }
        return (outer ?? JsonLdContext.Empty).With(node, path, errors.Add);
    }
}
