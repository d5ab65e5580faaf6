namespace Traceability.Domain.Lab;

/// <summary>The limit a result is judged against (e.g. a maximum residue limit) and where it is laid down, e.g. "GB 2763-2021".</summary>
public sealed record ResultLimit(decimal Value, MeasurementUnit Unit, string? Source);
