using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Traceability.Api.Errors;
using Traceability.Domain;

namespace Traceability.Api.Auth;

/// <summary>
/// The framework's rate limiter, per organisation (all its keys and console sessions together): a token bucket of
/// <see cref="LimitsOptions.RequestsPerSecondPerKey"/> a second (bursts of twice that); raw keys are never held. Anonymous requests (consumer
/// pages, proofs) are not limited here; failed authentications are, per address (<see cref="FailedAuthenticationLimiter"/>).
/// </summary>
public static class RateLimits
{
    public static void Configure(RateLimiterOptions o)
    {
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            // One bucket per organisation (authentication ran first), however many keys or console sessions it holds;
            // a credential that did not authenticate gets its own (by its hash), and its request is refused anyway.
            var token = ApiKeyAuthentication.BearerToken(context.Request)
                ?? Console.SessionAuthentication.CookieValue(context.Request, context.RequestServices.GetRequiredService<IOptions<Console.ConsoleOptions>>().Value.CookieName);
            if (token is null) return RateLimitPartition.GetNoLimiter("anonymous");
            var partition = context.User.FindFirst(ApiKeyAuthentication.OrgIdClaim)?.Value is { } orgId ? "org:" + orgId
                : context.User.IsInRole(ApiKeyAuthentication.AdminRole) ? "admin"
                : "credential:" + Caller.HashApiKey(token);
            var perSecond = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<TraceOptions>>().Value.Limits.RequestsPerSecondPerKey);
            return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond * 2,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        o.OnRejected = async (rejected, cancellationToken) =>
        {
            var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
            rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var problems = rejected.HttpContext.RequestServices.GetRequiredService<ProblemMapping>();
            await problems.TryHandleAsync(rejected.HttpContext,
                new TraceError(ErrorKind.TooManyRequests, "too-many-requests", "this organisation sent more requests than it may; slow down"), cancellationToken);
        };
    }
}
