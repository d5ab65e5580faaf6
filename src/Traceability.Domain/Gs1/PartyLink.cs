namespace Traceability.Domain.Gs1;

/// <summary>A party (organisation) as a source or destination: <c>/417/{gln}</c>.</summary>
public sealed record PartyLink : DigitalLink
{
    public PartyLink(Gln party)
    {
        ArgumentNullException.ThrowIfNull(party);
        Party = party;
    }

    public Gln Party { get; }

    public override string Path => "/417/" + Party.Value;
}
