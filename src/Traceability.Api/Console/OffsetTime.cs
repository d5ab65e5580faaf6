using System.Globalization;
using System.Text.RegularExpressions;

namespace Traceability.Api.Console;

/// <summary>An RFC 3339 date-time with its offset (Z or ±hh:mm), as the console's forms send them; none without an offset.</summary>
public static partial class OffsetTime
{
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        return text is not null && Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Shape();
}
