using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Traceability.Domain;
using Traceability.Ledger.Gateway;

namespace Traceability.Api.Errors;

/// <summary>The one place failures become HTTP: RFC 9457 problem+json with a stable type per code.</summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            TraceError e => Problem(e),
            LedgerException e => Create(StatusCodes.Status503ServiceUnavailable, "ledger-unavailable", "Ledger unavailable", e.Message),
            JsonRpcException e => Create(StatusCodes.Status503ServiceUnavailable, "ledger-unavailable", "Ledger unavailable", e.Message),
            BadHttpRequestException e when e.InnerException is JsonException j => Create(400, "malformed-json", "Malformed JSON", j.Message),
            BadHttpRequestException e => Create(e.StatusCode, "bad-request", "Bad request", e.Message),
            JsonException e => Create(400, "malformed-json", "Malformed JSON", e.Message),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "unhandled error on {Path}", context.Request.Path);
            return false;
        }
        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Problem(TraceError e)
    {
        var status = e.Kind switch
        {
            ErrorKind.InvalidArgument => StatusCodes.Status400BadRequest,
            ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
            ErrorKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
            ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            ErrorKind.NotAcceptable => StatusCodes.Status406NotAcceptable,
            _ => StatusCodes.Status500InternalServerError,
        };
        var problem = Create(status, e.Code, Title(e.Code), e.Message);
        if (e.Errors.Count > 0) problem.Extensions["errors"] = e.Errors.Select(f => new { path = f.Path, message = f.Message }).ToArray();
        return problem;
    }

    /// <summary>The problem types the EPCIS REST binding defines (epcisException:…) are used as they are.</summary>
    public const string EpcisExceptionPrefix = "epcisException:";

    public static ProblemDetails Create(int status, string code, string title, string detail) => new()
    {
        Status = status,
        Type = code.StartsWith(EpcisExceptionPrefix, StringComparison.Ordinal) ? code : $"/problems/{code}",
        Title = title,
        Detail = detail,
    };

    private static string Title(string code)
    {
        if (code.StartsWith(EpcisExceptionPrefix, StringComparison.Ordinal))
            code = string.Concat(code[EpcisExceptionPrefix.Length..].Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
        return char.ToUpperInvariant(code[0]) + code[1..].Replace('-', ' ');
    }
}
