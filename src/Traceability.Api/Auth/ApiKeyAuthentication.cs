using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Traceability.Api.Organisations;
using Traceability.Domain.Organisations;
using Traceability.Storage;

namespace Traceability.Api.Auth;

/// <summary>
/// The framework's authentication for "Authorization: Bearer &lt;key&gt;": an organisation's API key (kept only as
/// its SHA-256: keys are 256-bit random values, so a fast hash is enough and lookups stay O(1)) or the consortium
/// admin token. The organisation is put on the principal (claims) and in <see cref="HttpContext.Items"/>, so endpoints
/// and policies never look it up again.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    OrganisationDirectory directory, IOrganisationStore organisations, IOptions<TraceOptions> options)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string AdminRole = "admin";
    public const string OrgIdClaim = "trace:org";
    internal const string OrganisationItem = "trace:organisation";
    internal const string FailedItem = "trace:authentication-failed";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        if (token is null) return AuthenticateResult.NoResult();
        if (IsAdminToken(token)) return Success(new Claim(ClaimTypes.Role, AdminRole), new Claim(ClaimTypes.Name, "consortium admin"));

        var hash = Caller.HashApiKey(token);
        var snapshot = await directory.GetAsync(Context.RequestAborted);
        var org = snapshot.All.FirstOrDefault(o => o.ApiKeyHash == hash)
            ?? await organisations.FindOrganisationByApiKeyHashAsync(hash, Context.RequestAborted); // created on another instance just now
        if (org is null)
        {
            Context.Items[FailedItem] = true;
            return AuthenticateResult.Fail("unknown API key");
        }
        Context.Items[OrganisationItem] = org;
        return Success(new Claim(OrgIdClaim, org.Id), new Claim(ClaimTypes.Role, org.Role.Name()), new Claim(ClaimTypes.Name, org.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask; // the body is written by AuthorizationProblems
    }

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    private bool IsAdminToken(string token)
    {
        var expected = options.Value.AdminToken;
        if (string.IsNullOrEmpty(expected)) return false;
        var ok = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected));
        if (!ok && !token.StartsWith(Caller.KeyPrefix, StringComparison.Ordinal)) Context.Items[FailedItem] = true;
        return ok;
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}

/// <summary>The authorization policies route groups require.</summary>
public static class Policies
{
    public const string Organisation = "organisation";
    public const string Admin = "admin";
    public const string Regulator = "regulator";
    public const string Lab = "lab";
    public const string Producer = "producer";
    public const string RegulatorOrProducer = "regulator-or-producer";
    public const string OrganisationOrAdmin = "organisation-or-admin";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions o)
    {
        o.AddPolicy(Organisation, p => p.RequireClaim(ApiKeyAuthentication.OrgIdClaim));
        o.AddPolicy(Admin, p => p.RequireRole(ApiKeyAuthentication.AdminRole));
        o.AddPolicy(Regulator, p => p.RequireClaim(ApiKeyAuthentication.OrgIdClaim).RequireRole(OrgRole.Regulator.Name()));
        o.AddPolicy(Lab, p => p.RequireClaim(ApiKeyAuthentication.OrgIdClaim).RequireRole(OrgRole.Lab.Name()));
        o.AddPolicy(Producer, p => p.RequireClaim(ApiKeyAuthentication.OrgIdClaim).RequireRole(OrgRole.Producer.Name()));
        o.AddPolicy(RegulatorOrProducer, p => p.RequireClaim(ApiKeyAuthentication.OrgIdClaim).RequireRole(OrgRole.Regulator.Name(), OrgRole.Producer.Name()));
        o.AddPolicy(OrganisationOrAdmin, p => p.RequireAssertion(c => c.User.HasClaim(x => x.Type == ApiKeyAuthentication.OrgIdClaim) || c.User.IsInRole(ApiKeyAuthentication.AdminRole)));
    }
}
