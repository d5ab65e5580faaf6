using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Traceability.Api.Auth;
using Traceability.Domain.Organisations;
using Traceability.Api.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Console;

/// <summary>
/// The console's second authentication scheme: the session cookie holds a random 256-bit id; the store keeps only its
/// SHA-256 with whom it signed in. A session found, not idle past <see cref="ConsoleOptions.IdleTimeout"/> and not past
/// its absolute end gives the same claims and <see cref="Caller"/> item the API key would, so every policy and handler
/// treats a console user exactly as the organisation's key. Expired sessions are deleted when met.
/// </summary>
public sealed class SessionAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    ISessionStore sessions, OrganisationDirectory directory, IOrganisationStore organisations, IOptions<ConsoleOptions> options, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ConsoleSession";

    /// <summary>The policy scheme every endpoint authenticates with: a bearer credential if sent, else the session cookie.</summary>
    public const string SelectorScheme = "Trace";

    internal const string SessionItem = "trace:console-session";

    /// <summary>Touch the store at most this often per session (30 s, or a quarter of a short idle timeout): not every request.</summary>
    private TimeSpan TouchEvery => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, options.Value.IdleTimeout.Ticks / 4));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var id = CookieValue(Request, options.Value.CookieName);
        if (id is null) return AuthenticateResult.NoResult();
        var hash = HashSessionId(id);
        var session = await sessions.GetSessionAsync(hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (session is null) return AuthenticateResult.Fail("unknown or ended console session");
        if (now >= session.ExpiresAt || now - session.LastSeenAt >= options.Value.IdleTimeout)
        {
            await sessions.DeleteSessionAsync(hash, CancellationToken.None);
            return AuthenticateResult.Fail("console session expired");
        }
        Claim[] claims;
        if (session.IsAdmin)
        {
            claims = [new Claim(ClaimTypes.Role, ApiKeyAuthentication.AdminRole), new Claim(ClaimTypes.Name, "consortium admin")];
        }
        else
        {
            var snapshot = await directory.GetAsync(Context.RequestAborted);
            var org = snapshot.Get(session.OrgId!) ?? await organisations.GetOrganisationAsync(session.OrgId!, Context.RequestAborted);
            if (org is null) return AuthenticateResult.Fail("the session's organisation is gone");
            Context.Items[ApiKeyAuthentication.OrganisationItem] = org;
            claims = [new Claim(ApiKeyAuthentication.OrgIdClaim, org.Id), new Claim(ClaimTypes.Role, org.Role.Name()), new Claim(ClaimTypes.Name, org.Name)];
        }
        if (now - session.LastSeenAt >= TouchEvery) await sessions.TouchSessionAsync(hash, now, Context.RequestAborted);
        Context.Items[SessionItem] = session;
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Task.CompletedTask; // AuthorizationProblems writes it

    /// <summary>The console session of this request, when it authenticated with one.</summary>
    public static ConsoleSession? Of(HttpContext context) =>
        context.Items.TryGetValue(SessionItem, out var s) ? s as ConsoleSession : null;

    public static string HashSessionId(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    /// <summary>The session id from the cookie, when it has the shape of one (43 base64url characters).</summary>
    public static string? CookieValue(HttpRequest request, string cookieName) =>
        request.Cookies.TryGetValue(cookieName, out var value) && value is { Length: 43 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? value
            : null;

    /// <summary>Picks the scheme: any Authorization header means the API key scheme (bearer wins over a cookie).</summary>
    public static string? Select(HttpContext context, string cookieName) =>
        context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(cookieName) ? SchemeName : ApiKeyAuthentication.SchemeName;
}
