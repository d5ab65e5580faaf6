using System.Globalization;

namespace Traceability.Domain.Lab;

/// <summary>A measured amount, e.g. 0.012 mg/kg.</summary>
public sealed record Measurement(decimal Value, MeasurementUnit Unit)
{
    public override string ToString() => $"{Value.ToString(CultureInfo.InvariantCulture)} {Unit.Symbol}";
}
