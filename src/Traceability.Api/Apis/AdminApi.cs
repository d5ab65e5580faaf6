using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Ledger;
using Traceability.Domain;
using Traceability.Domain.Gs1;
using Traceability.Domain.Organisations;
using LedgerRole = Traceability.Ledger.Registry.OrgRole;
using Traceability.Storage;

namespace Traceability.Api.Apis;

public static class AdminApi
{
    public sealed record CreateOrgRequest(string? Name, string? Role, string? Gln);

    public sealed record OrgView(string OrgId, string Name, string Role, string? Gln, string LedgerAddress, DateTimeOffset CreatedAt);

    public sealed record CreatedOrg(string OrgId, string Name, string Role, string? Gln, string LedgerAddress, string ApiKey);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Admin");
        admin.MapPost("/orgs", CreateOrganisation).WithSummary("Create an organisation with its role, API key and ledger account");
        admin.MapGet("/orgs", ListOrganisations).WithSummary("List organisations");
        return app;
    }

    public static async Task<Created<CreatedOrg>> CreateOrganisation(
        CreateOrgRequest? request, HttpContext context, Caller caller, ITraceStore store, KeyVault keys,
        LedgerConnection ledger, CancellationToken cancellationToken)
    {
        caller.RequireAdmin(context);
        var (name, role, gln) = Validate(request);
        if ((await store.ListOrganisationsAsync(cancellationToken)).Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw TraceError.Conflict("duplicate-organisation", $"an organisation named \"{name}\" already exists");
        if (gln is not null && await store.FindOrganisationByGlnAsync(gln, cancellationToken) is not null)
            throw TraceError.Conflict("duplicate-organisation", $"GLN {gln} already belongs to an organisation");

        // The ledger account is registered before the organisation is stored, so a stored
        // organisation can always anchor; a failure here leaves at most an unused keystore.
        var session = ledger.Require();
        var orgId = "org-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        var key = keys.Create(orgId);
        await ledger.FundAsync(key.Address, cancellationToken);
        await session.Registry.RegisterOrgAsync(session.Admin, key.Address, ToLedgerRole(role), orgId, cancellationToken);

        var apiKey = Caller.NewApiKey();
        var org = new Organisation(orgId, name, role, gln, Caller.HashApiKey(apiKey), key.Address.ToString(), DateTimeOffset.UtcNow);
        try
        {
            await store.AddOrganisationAsync(org, cancellationToken);
        }
        catch (DuplicateException ex)
        {
            throw TraceError.Conflict("duplicate-organisation", ex.Message);
        }
        return TypedResults.Created($"/admin/orgs/{orgId}",
            new CreatedOrg(orgId, name, role.Name(), gln, org.LedgerAddress, apiKey));
    }

    public static async Task<Ok<OrgView[]>> ListOrganisations(HttpContext context, Caller caller, ITraceStore store, CancellationToken cancellationToken)
    {
        caller.RequireAdmin(context);
        var orgs = await store.ListOrganisationsAsync(cancellationToken);
        return TypedResults.Ok(orgs.Select(o => new OrgView(o.Id, o.Name, o.Role.Name(), o.Gln, o.LedgerAddress, o.CreatedAt)).ToArray());
    }

    public static LedgerRole ToLedgerRole(OrgRole role) => role switch
    {
        OrgRole.Producer => LedgerRole.Producer,
        OrgRole.Distributor => LedgerRole.Distributor,
        OrgRole.Lab => LedgerRole.Lab,
        OrgRole.Retailer => LedgerRole.Retailer,
        OrgRole.Regulator => LedgerRole.Regulator,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static (string Name, OrgRole Role, string? Gln) Validate(CreateOrgRequest? request)
    {
        if (request is null) throw TraceError.Invalid("invalid-organisation", "$", "a JSON body { name, role, gln? } is required");
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            throw TraceError.Invalid("invalid-organisation", "$.name", "name is required, at most 200 characters");
        if (!OrgRoles.TryParse(request.Role, out var role))
            throw TraceError.Invalid("invalid-organisation", "$.role", "role must be producer, distributor, lab, retailer or regulator");
        string? gln = null;
        if (request.Gln is not null)
        {
            if (!Gln.TryParse(request.Gln, out var parsed))
                throw TraceError.Invalid("invalid-organisation", "$.gln", $"\"{request.Gln}\" is not a valid 13-digit GLN with its check digit");
            gln = parsed.Value;
        }
        return (name, role, gln);
    }
}
