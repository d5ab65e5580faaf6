namespace Traceability.Api.Consumer;

/// <summary>The language of a consumer page: zh-CN or en.</summary>
internal static class PageLanguage
{
    public const string Chinese = "zh-CN", English = "en";

    /// <summary><c>?lang=</c> first, then the highest-weighted Accept-Language we have, else en.</summary>
    public static string Of(HttpRequest request)
    {
        if (Supported(request.Query["lang"].ToString()) is { } asked)
            return asked;
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1); // stable: equal weights keep the header's order
        return preferred.Select(l => Supported(l.Value.Value)).FirstOrDefault(l => l is not null) ?? English;
    }

    private static string? Supported(string? tag) =>
        string.IsNullOrEmpty(tag) ? null
        : tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese
        : tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
        : null;
}
