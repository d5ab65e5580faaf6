using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Traceability.Api.Errors;
using Traceability.Domain;

namespace Traceability.Api.Auth;

/// <summary>Refusals by policy become the same problem+json as every other error (401 unauthenticated, 403 wrong-role).</summary>
public sealed class AuthorizationProblems(ProblemMapping problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        TraceError error;
        if (result.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            error = new TraceError(ErrorKind.Unauthenticated, "unauthenticated",
                ApiKeyAuthentication.BearerToken(context.Request) is null
                    ? "missing bearer API key (Authorization: Bearer <key>)"
                    : "unknown API key or admin token");
        }
        else
        {
            var role = context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "this caller";
            error = TraceError.Forbidden("wrong-role", $"{role} may not do this: it needs the {policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).DefaultIfEmpty("organisation").Aggregate((a, b) => $"{a} or {b}")} role");
        }
        await problems.TryHandleAsync(context, error, context.RequestAborted);
    }
}
