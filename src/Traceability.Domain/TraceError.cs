namespace Traceability.Domain;

/// <summary>The few kinds of failure the system reports; the API maps each to one HTTP status.</summary>
public enum ErrorKind
{
    InvalidArgument,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    Unavailable,
    UnsupportedMediaType,
    PayloadTooLarge,
    TooManyRequests,
    NotAcceptable,
}

/// <summary>A failure a client can understand and act on. <see cref="Code"/> is stable (problem type);
/// <see cref="Errors"/> names offending fields as JSON paths.</summary>
public sealed class TraceError(ErrorKind kind, string code, string detail, IReadOnlyList<FieldError>? errors = null)
    : Exception(detail)
{
    public ErrorKind Kind { get; } = kind;
    public string Code { get; } = code;
    public IReadOnlyList<FieldError> Errors { get; } = errors ?? [];

    public static TraceError Invalid(string code, string detail, IReadOnlyList<FieldError>? errors = null) =>
        new(ErrorKind.InvalidArgument, code, detail, errors);

    public static TraceError Invalid(string code, string path, string detail) =>
        new(ErrorKind.InvalidArgument, code, $"{path}: {detail}", [new FieldError(path, detail)]);

    public static TraceError NotFound(string code, string detail) => new(ErrorKind.NotFound, code, detail);
    public static TraceError Forbidden(string code, string detail) => new(ErrorKind.Forbidden, code, detail);
    public static TraceError Conflict(string code, string detail, IReadOnlyList<FieldError>? errors = null) => new(ErrorKind.Conflict, code, detail, errors);
}

public sealed record FieldError(string Path, string Message);
