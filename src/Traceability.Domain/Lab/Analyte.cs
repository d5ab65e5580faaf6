namespace Traceability.Domain.Lab;

/// <summary>What was tested for, e.g. "chlorpyrifos", with its InChIKey when the lab gives one.</summary>
public sealed record Analyte(string Name, InchiKey? InchiKey);
