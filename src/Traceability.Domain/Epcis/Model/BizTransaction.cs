namespace Traceability.Domain.Epcis.Model;

/// <summary>A business transaction reference; <see cref="Type"/> is the full CBV URI when it is a CBV type.</summary>
public sealed record BizTransaction(string? Type, string Value);
