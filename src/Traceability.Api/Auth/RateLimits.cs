using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Traceability.Api.Errors;
using Traceability.Domain;

namespace Traceability.Api.Auth;

/// <summary>
/// The framework's rate limiter, per API key: a token bucket of <see cref="LimitsOptions.RequestsPerSecondPerKey"/>
/// a second (bursts of twice that), keyed by the key's hash so raw keys are never held. Anonymous requests (consumer
/// pages, proofs) are not limited here; failed authentications are, per address (<see cref="FailedAuthenticationLimiter"/>).
/// </summary>
public static class RateLimits
{
    public static void Configure(RateLimiterOptions o)
    {
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            // A console session counts as its own key (by the session id's hash, as keys are by theirs).
            var token = ApiKeyAuthentication.BearerToken(context.Request)
                ?? Console.SessionAuthentication.CookieValue(context.Request, context.RequestServices.GetRequiredService<IOptions<Console.ConsoleOptions>>().Value.CookieName);
            if (token is null) return RateLimitPartition.GetNoLimiter("anonymous");
            var perSecond = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<TraceOptions>>().Value.Limits.RequestsPerSecondPerKey);
            return RateLimitPartition.GetTokenBucketLimiter(Caller.HashApiKey(token), _ => new TokenBucketRateLimiterOptions
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
                new TraceError(ErrorKind.TooManyRequests, "too-many-requests", "this API key sent more requests than it may; slow down"), cancellationToken);
        };
    }
}
