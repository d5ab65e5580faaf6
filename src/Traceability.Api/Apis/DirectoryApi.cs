using Microsoft.AspNetCore.Http.HttpResults;
using Traceability.Api.Auth;
using Traceability.Api.Organisations;
using Traceability.Domain.Organisations;
using Traceability.Domain.Units;

namespace Traceability.Api.Apis;

/// <summary>The consortium's members for picking partners (names, roles, GLNs; never keys), and the Rec 20 unit table.</summary>
public static class DirectoryApi
{
    public sealed record MemberView(string OrgId, string Name, string Role, string? Gln);
    public sealed record UnitView(string Code, string Name, string Chinese, string Kind);

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/orgs", Members).RequireAuthorization(Policies.Organisation).WithTags("Organisations")
            .WithSummary("The consortium's members: id, name, role and GLN (members only)");
        app.MapGet("/units", () => TypedResults.Ok(UnitOfMeasure.All.Select(u => new UnitView(u.Code, u.Name, u.Chinese, u.Kind.ToString().ToLowerInvariant())).ToArray()))
            .WithTags("Organisations").WithSummary("UN/ECE Recommendation 20 units accepted in acknowledgements and quantities, in English and Chinese");
        return app;
    }

    public static async Task<Ok<MemberView[]>> Members(OrganisationDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok((await directory.GetAsync(cancellationToken)).All.Select(o => new MemberView(o.Id, o.Name, o.Role.Name(), o.Gln)).ToArray());
}
