using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Traceability.Domain;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Auth;

/// <summary>
/// Resolves "Authorization: Bearer &lt;key&gt;" to the organisation that owns the key (401 when missing or
/// unknown) and checks the admin token. Keys are stored only as SHA-256 hashes: they are 256-bit
/// random values, so a fast hash is enough and lookups stay O(1).
/// </summary>
public sealed class Caller(ITraceStore store, IOptions<TraceOptions> options)
{
    public const string KeyPrefix = "trk_";

    public static string NewApiKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashApiKey(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public async Task<Organisation> RequireOrganisationAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var token = BearerToken(context) ?? throw Unauthenticated("missing bearer API key (Authorization: Bearer <key>)");
        return await store.FindOrganisationByApiKeyHashAsync(HashApiKey(token), cancellationToken)
            ?? throw Unauthenticated("unknown API key");
    }

    public async Task<Organisation> RequireRoleAsync(HttpContext context, CancellationToken cancellationToken, params OrgRole[] roles)
    {
        var org = await RequireOrganisationAsync(context, cancellationToken);
        if (!roles.Contains(org.Role))
            throw TraceError.Forbidden("wrong-role", $"{org.Role.Name()} organisations may not do this; allowed: {string.Join(", ", roles.Select(r => r.Name()))}");
        return org;
    }

    public void RequireAdmin(HttpContext context)
    {
        var expected = options.Value.AdminToken;
        var token = BearerToken(context) ?? throw Unauthenticated("missing admin token (Authorization: Bearer <token>)");
        if (string.IsNullOrEmpty(expected)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected)))
            throw Unauthenticated("wrong admin token");
    }

    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private static TraceError Unauthenticated(string detail) => new(ErrorKind.Unauthenticated, "unauthenticated", detail);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
