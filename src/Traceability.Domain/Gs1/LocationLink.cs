namespace Traceability.Domain.Gs1;

/// <summary>A physical location: <c>/414/{gln}</c>, optionally with <c>/254/{extension}</c> for a sub-location.</summary>
public sealed record LocationLink : DigitalLink
{
    public LocationLink(Gln gln, GlnExtension? extension = null)
    {
        ArgumentNullException.ThrowIfNull(gln);
        Gln = gln;
        Extension = extension;
    }

    public Gln Gln { get; }
    public GlnExtension? Extension { get; }

    public override string Path =>
        "/414/" + Gln.Value + (Extension is null ? "" : "/254/" + DigitalLinkEncoding.Encode(Extension.Value));
}
