using System.Security.Cryptography;
using System.Text;
using Traceability.Domain;
using Traceability.Domain.Organisations;

namespace Traceability.Api.Auth;

/// <summary>
/// The authenticated organisation of a request (<see cref="ApiKeyAuthentication"/> put it there), for handlers that
/// decide by more than a policy can say (the lot's holder, the recall's parties). Also makes and hashes API keys.
/// </summary>
public sealed class Caller
{
    public const string KeyPrefix = "trk_";

    public static string NewApiKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashApiKey(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    /// <summary>The organisation, or null for an anonymous caller (public endpoints).</summary>
    public static Organisation? Of(HttpContext context) =>
        context.Items.TryGetValue(ApiKeyAuthentication.OrganisationItem, out var org) ? org as Organisation : null;

    public Task<Organisation> RequireOrganisationAsync(HttpContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Of(context) ?? throw Unauthenticated(context));

    public async Task<Organisation> RequireRoleAsync(HttpContext context, CancellationToken cancellationToken, params OrgRole[] roles)
    {
        var org = await RequireOrganisationAsync(context, cancellationToken);
        if (!roles.Contains(org.Role))
            throw TraceError.Forbidden("wrong-role", $"{org.Role.Name()} organisations may not do this; allowed: {string.Join(", ", roles.Select(r => r.Name()))}");
        return org;
    }

    public void RequireAdmin(HttpContext context)
    {
        if (!context.User.IsInRole(ApiKeyAuthentication.AdminRole))
            throw Of(context) is null ? Unauthenticated(context) : TraceError.Forbidden("wrong-role", "only the consortium admin token may do this");
    }

    private static TraceError Unauthenticated(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return new TraceError(ErrorKind.Unauthenticated, "unauthenticated",
            ApiKeyAuthentication.BearerToken(context.Request) is null
                ? "missing bearer API key (Authorization: Bearer <key>)"
                : context.Items.ContainsKey(ApiKeyAuthentication.FailedItem) ? "unknown API key or admin token" : "an organisation's API key is needed here");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
