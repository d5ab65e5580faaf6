namespace Traceability.Domain.Epcis.Model;

/// <summary>A class-level identifier with an optional amount (absent quantity means "some, unknown").</summary>
public sealed record QuantityElement(string EpcClass, decimal? Quantity, string? Uom);
