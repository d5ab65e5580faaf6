using System.Security.Cryptography;
using System.Text;
using Traceability.Api.Errors;
using Traceability.Domain;

namespace Traceability.Api.Console;

/// <summary>
/// Synchronizer-token CSRF protection for requests authenticated by the console's session cookie: every POST, PUT,
/// PATCH and DELETE must carry the session's token in <c>X-CSRF-Token</c>, and a cross-origin <c>Origin</c> is refused
/// outright (403 <c>/problems/csrf</c>, nothing done). Requests with a bearer key carry no ambient credential and need none.
/// </summary>
public sealed class CsrfProtection : IMiddleware
{
    public const string HeaderName = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (SessionAuthentication.Of(context) is { } session && !IsSafe(context.Request.Method))
        {
            var sent = context.Request.Headers[HeaderName].ToString();
            var origin = context.Request.Headers.Origin.ToString();
            string? refusal = null;
            if (origin.Length > 0 && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
                refusal = $"a console request from another origin ({origin}) is refused";
            else if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(session.CsrfToken)))
                refusal = $"a state-changing console request needs the session's token in the {HeaderName} header";
            if (refusal is not null)
            {
                var problems = context.RequestServices.GetRequiredService<ProblemMapping>();
                await problems.TryHandleAsync(context, TraceError.Forbidden("csrf", refusal), context.RequestAborted);
                return;
            }
        }
        await next(context);
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
