using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Traceability.Api.Auth;
using Traceability.Domain.Organisations;
using Traceability.Api.Console;
using Traceability.Domain;
using Traceability.Storage;

namespace Traceability.Api.Apis;

/// <summary>
/// The console's sign-in: an organisation's API key (or the admin token), sent once as a bearer credential, is exchanged
/// for a server-side session; the browser keeps only the session cookie (random id, Secure, HttpOnly, SameSite=Strict)
/// and the session's CSRF token, never the key. Sign-out deletes the session on the server.
/// </summary>
public static class ConsoleSessionApi
{
    public sealed record SessionView(string? OrgId, string Name, string Role, string? Gln, string CsrfToken, DateTimeOffset ExpiresAt, int IdleTimeoutSeconds);

    public static IEndpointRouteBuilder MapConsoleSessionApi(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/console/session").WithTags("Console");
        session.MapPost("", SignIn).RequireAuthorization(Policies.OrganisationOrAdmin)
            .WithSummary("Exchange the bearer API key (or admin token) for a console session cookie").ProducesProblem(401);
        session.MapGet("", Get).RequireAuthorization(Policies.OrganisationOrAdmin)
            .WithSummary("The signed-in organisation and the session's CSRF token").ProducesProblem(401);
        session.MapDelete("", SignOut).RequireAuthorization(Policies.OrganisationOrAdmin)
            .WithSummary("Sign out: the session is deleted on the server and the cookie cleared").ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    public static async Task<Created<SessionView>> SignIn(
        HttpContext context, ISessionStore sessions, IOptions<ConsoleOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (SessionAuthentication.Of(context) is not null || ApiKeyAuthentication.BearerToken(context.Request) is null)
            throw TraceError.Invalid("invalid-sign-in", "Authorization", "sign in with the API key or admin token as Authorization: Bearer <key>");
        var o = options.Value;
        // An earlier session of this browser ends: a new sign-in never reuses an id (no session fixation).
        if (SessionAuthentication.CookieValue(context.Request, o.CookieName) is { } old)
            await sessions.DeleteSessionAsync(SessionAuthentication.HashSessionId(old), cancellationToken);
        var id = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var org = Caller.Of(context);
        var session = new ConsoleSession(SessionAuthentication.HashSessionId(id), org?.Id, org is null, Base64Url(RandomNumberGenerator.GetBytes(32)),
            now, now, now + o.AbsoluteTimeout);
        // Sessions that expired or went idle are swept at each sign-in, so the table holds only live ones.
        await sessions.DeleteExpiredSessionsAsync(now, now - o.IdleTimeout, cancellationToken);
        await sessions.CreateSessionAsync(session, cancellationToken);
        context.Response.Cookies.Append(o.CookieName, id, new CookieOptions
        {
            Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true, Expires = session.ExpiresAt,
        });
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created("/console/session", View(context, session, o));
    }

    public static Ok<SessionView> Get(HttpContext context, IOptions<ConsoleOptions> options)
    {
        var session = SessionAuthentication.Of(context)
            ?? throw TraceError.Invalid("no-session", "Cookie", "this request carries a bearer key, not a console session");
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(View(context, session, options.Value));
    }

    public static async Task<NoContent> SignOut(HttpContext context, ISessionStore sessions, IOptions<ConsoleOptions> options, CancellationToken cancellationToken)
    {
        var session = SessionAuthentication.Of(context)
            ?? throw TraceError.Invalid("no-session", "Cookie", "this request carries a bearer key, not a console session");
        await sessions.DeleteSessionAsync(session.IdHash, cancellationToken);
        context.Response.Cookies.Delete(options.Value.CookieName, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        return TypedResults.NoContent();
    }

    private static SessionView View(HttpContext context, ConsoleSession session, ConsoleOptions o)
    {
        var org = Caller.Of(context);
        return new SessionView(org?.Id, org?.Name ?? "consortium admin", org?.Role.Name() ?? ApiKeyAuthentication.AdminRole, org?.Gln,
            session.CsrfToken, session.ExpiresAt, (int)o.IdleTimeout.TotalSeconds);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
