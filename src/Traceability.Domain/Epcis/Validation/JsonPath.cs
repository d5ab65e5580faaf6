using System.Globalization;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>Builds the JSONPath-like locations used in error messages.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        IsPlainName(name) ? string.Concat(parent, ".", name) : string.Concat(parent, "['", name.Replace("'", "\\'", StringComparison.Ordinal), "']");

    public static string Index(string parent, int index) =>
        string.Concat(parent, "[", index.ToString(CultureInfo.InvariantCulture), "]");

    // Prefixed extension names ("ext1:name") and "@context" stay readable in dot notation.
    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '@'))
            {
                return false;
            }
        }
        return true;
    }
}
