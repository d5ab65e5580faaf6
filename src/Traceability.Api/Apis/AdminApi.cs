using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Ledger;
using Traceability.Domain;
using Traceability.Domain.Gs1;
using Traceability.Domain.Organisations;
using LedgerRole = Traceability.Ledger.Registry.OrgRole;
using Traceability.Storage;

namespace Traceability.Api.Apis;

public static class AdminApi
{
    public sealed record CreateOrgRequest(string? Name, string? Role, string? Gln, List<string>? CompanyPrefixes);

    public sealed record OrgView(string OrgId, string Name, string Role, string? Gln, IReadOnlyList<string> CompanyPrefixes, string LedgerAddress, DateTimeOffset CreatedAt);

    public sealed record CreatedOrg(string OrgId, string Name, string Role, string? Gln, IReadOnlyList<string> CompanyPrefixes, string LedgerAddress, string ApiKey);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapPost("/orgs", CreateOrganisation).WithSummary("Create an organisation with its role, API key and ledger account");
        admin.MapGet("/orgs", ListOrganisations).WithSummary("List organisations");
        return app;
    }

    public static async Task<Created<CreatedOrg>> CreateOrganisation(
        HttpContext context, Caller caller, IOrganisationStore store, ILedger ledger,
        Organisations.OrganisationDirectory directory, CancellationToken cancellationToken)
    {
        caller.RequireAdmin(context);
        var request = await Http.JsonBody.ReadAsync<CreateOrgRequest>(context.Request, cancellationToken, "invalid-organisation");
        var (name, role, gln, prefixes) = Validate(request);
        var existing = await store.ListOrganisationsAsync(cancellationToken);
        if (existing.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw TraceError.Conflict("duplicate-organisation", $"an organisation named \"{name}\" already exists");
        if (gln is not null && existing.Any(o => o.Gln == gln))
            throw TraceError.Conflict("duplicate-organisation", $"GLN {gln} already belongs to an organisation");
        foreach (var (prefix, i) in prefixes.Select((p, i) => (p, i)))
        {
            var holder = existing.FirstOrDefault(o => o.CompanyPrefixes.Any(p => CompanyPrefix.TryParse(p, out var cp) && cp.Overlaps(prefix)));
            if (holder is not null)
                throw TraceError.Conflict("company-prefix-taken", $"GS1 company prefix {prefix} overlaps one held by {holder.Name}",
                    [new FieldError($"$.companyPrefixes[{i}]", $"overlaps a prefix of {holder.Name}")]);
        }

        // The ledger identity is registered before the organisation is stored, so a stored
        // organisation can always anchor; a failure here leaves at most an unused key.
        if (ledger.Identity is null)
            throw new Traceability.Ledger.Gateway.LedgerUnavailableException($"the ledger is not connected: {ledger.LastError}");
        var orgId = "org-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        var ledgerIdentity = await ledger.RegisterOrganisationAsync(orgId, ToLedgerRole(role), cancellationToken);

        var apiKey = Caller.NewApiKey();
        var org = new Organisation(orgId, name, role, gln, Caller.HashApiKey(apiKey), ledgerIdentity, DateTimeOffset.UtcNow)
        {
            CompanyPrefixes = prefixes.Select(p => p.Value).ToList(),
        };
        try
        {
            await store.AddOrganisationAsync(org, cancellationToken);
        }
        catch (DuplicateException ex)
        {
            throw TraceError.Conflict("duplicate-organisation", ex.Message);
        }
        directory.Invalidate();
        return TypedResults.Created($"/admin/orgs/{orgId}",
            new CreatedOrg(orgId, name, role.Name(), gln, org.CompanyPrefixes, org.LedgerAddress, apiKey));
    }

    public static async Task<Ok<OrgView[]>> ListOrganisations(HttpContext context, Caller caller, IOrganisationStore store, CancellationToken cancellationToken)
    {
        caller.RequireAdmin(context);
        var orgs = await store.ListOrganisationsAsync(cancellationToken);
        return TypedResults.Ok(orgs.Select(o => new OrgView(o.Id, o.Name, o.Role.Name(), o.Gln, o.CompanyPrefixes, o.LedgerAddress, o.CreatedAt)).ToArray());
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

    private static (string Name, OrgRole Role, string? Gln, List<CompanyPrefix> Prefixes) Validate(CreateOrgRequest? request)
    {
        if (request is null) throw TraceError.Invalid("invalid-organisation", "$", "a JSON body { name, role, gln?, companyPrefixes? } is required");
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
        var prefixes = new List<CompanyPrefix>();
        if (request.CompanyPrefixes is { Count: > 50 })
            throw TraceError.Invalid("invalid-organisation", "$.companyPrefixes", "at most 50 company prefixes");
        foreach (var (text, i) in (request.CompanyPrefixes ?? []).Select((p, i) => (p, i)))
        {
            if (!CompanyPrefix.TryParse(text, out var prefix))
                throw TraceError.Invalid("invalid-organisation", $"$.companyPrefixes[{i}]", "a GS1 company prefix is 4 to 12 digits");
            if (prefixes.Any(p => p.Overlaps(prefix)))
                throw TraceError.Invalid("invalid-organisation", $"$.companyPrefixes[{i}]", "overlaps another prefix in the list");
            prefixes.Add(prefix);
        }
        return (name, role, gln, prefixes);
    }
}
