namespace Traceability.Domain.Gs1;

/// <summary>A logistic unit such as a pallet: <c>/00/{sscc}</c>.</summary>
public sealed record SsccLink : DigitalLink
{
    public SsccLink(Sscc sscc)
    {
        ArgumentNullException.ThrowIfNull(sscc);
        Sscc = sscc;
    }

    public Sscc Sscc { get; }

    public override string Path => "/00/" + Sscc.Value;
}
