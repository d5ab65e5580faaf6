namespace Traceability.Api.Console;

/// <summary>Console sign-in settings (<c>Trace:Console</c>).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Trace:Console";

    /// <summary>A session unused this long ends (default 30 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however busy (default 12 hours: one working day).</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The cookie's name. The <c>__Host-</c> prefix makes browsers insist on Secure, Path=/ and no Domain, so no other
    /// host or path can plant or read it.
    /// </summary>
    public string CookieName { get; set; } = "__Host-trace-session";
}
