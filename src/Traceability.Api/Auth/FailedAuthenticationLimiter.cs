using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Traceability.Api.Errors;
using Traceability.Domain;

namespace Traceability.Api.Auth;

/// <summary>
/// Slows key guessing: each client address may fail authentication a few times a minute
/// (<see cref="LimitsOptions.FailedAuthenticationsPerMinute"/>); past that, every request of that address that
/// carries credentials is answered 429 with Retry-After, without even checking them, until the window ends.
/// The framework's rate limiter counts; this middleware decides when a failure is counted.
/// </summary>
public sealed class FailedAuthenticationLimiter : IMiddleware, IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly TimeSpan _window = TimeSpan.FromMinutes(1);

    public FailedAuthenticationLimiter(IOptions<TraceOptions> options)
    {
        var permits = Math.Max(1, options.Value.Limits.FailedAuthenticationsPerMinute);
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = _window, QueueLimit = 0 }));
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var carriesCredentials = ApiKeyAuthentication.BearerToken(context.Request) is not null;
        if (carriesCredentials && _failures.GetStatistics(address)?.CurrentAvailablePermits == 0)
        {
            await RefuseAsync(context, _window);
            return;
        }
        try
        {
            await next(context);
        }
        finally // a refusal may leave as an exception, mapped to 401 further out
        {
            if (context.Items.ContainsKey(ApiKeyAuthentication.FailedItem))
                using (_failures.AttemptAcquire(address)) { } // counted; the window ends the lockout
        }
    }

    private static async Task RefuseAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<ProblemMapping>();
        await problems.TryHandleAsync(context, new TraceError(ErrorKind.TooManyRequests, "too-many-failed-authentications",
            "too many failed authentications from this address; try again later"), context.RequestAborted);
    }

    public void Dispose() => _failures.Dispose();
}
