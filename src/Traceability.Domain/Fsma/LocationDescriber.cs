using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Fsma;

/// <summary>
/// Writes the location descriptions the rule asks for from the GLNs events carry: the name known for the GLN (from
/// the caller's lookup, else the recording organisation's own name when it is its GLN) with the GLN, e.g.
/// "Green Valley Farm (GLN 9506000000015)"; a sub-location (GLN extension, AI 254: a field, a cold room) follows it.
/// Identifiers that hold no GLN are written as they are.
/// </summary>
internal sealed class LocationDescriber(Func<string, string?>? locationName)
{
    private const string OwningParty = Cbv.Namespace + "SDT-owning_party";
    private const string PossessingParty = Cbv.Namespace + "SDT-possessing_party";
    private const string LocationType = Cbv.Namespace + "SDT-location";

    public string Describe(string? id, RecordedEvent recorded)
    {
        if (string.IsNullOrEmpty(id))
            return "";
        var (gln, extension) = GlnOf(id);
        if (gln is null)
            return id;
        var name = locationName?.Invoke(gln) ?? (gln == recorded.RecordedByGln ? recorded.RecordedByName : null);
        var text = string.IsNullOrWhiteSpace(name) ? $"GLN {gln}" : $"{name} (GLN {gln})";
        return extension is null ? text : $"{text}, sub-location {extension}";
    }

    /// <summary>The recording organisation itself, for when an event names no place.</summary>
    public static string Recorder(RecordedEvent recorded) =>
        recorded.RecordedByGln is { } gln ? $"{recorded.RecordedByName} (GLN {gln})" : recorded.RecordedByName;

    /// <summary>
    /// A reference to a location that resolves to its description: the GS1 Digital Link of its GLN (e.g.
    /// https://id.gs1.org/414/9506000000015), else the recorder's party GLN; "" when neither is known.
    /// </summary>
    public static string Reference(string? id, RecordedEvent recorded)
    {
        if (!string.IsNullOrEmpty(id) && Link(id) is LocationLink or PartyLink)
            return Link(id)!.ToUri();
        return recorded.RecordedByGln is { } gln && Gln.TryParse(gln, out var g) ? new PartyLink(g).ToUri() : "";
    }

    /// <summary>The GLN an identifier names (a location /414/ with or without extension, or a party /417/), else null.</summary>
    public static string? GlnIn(string? id) => id is null ? null : GlnOf(id).Gln;

    /// <summary>The location among sources or destinations, if one is given.</summary>
    public static string? Location(IReadOnlyList<SourceDest> parties) =>
        parties.FirstOrDefault(p => p.Type == LocationType)?.Id;

    /// <summary>A source or destination: its location if given, else the owning, else the possessing party.</summary>
    public static string? Party(IReadOnlyList<SourceDest> parties) =>
        Location(parties)
        ?? parties.FirstOrDefault(p => p.Type == OwningParty)?.Id
        ?? parties.FirstOrDefault(p => p.Type == PossessingParty)?.Id;

    private static (string? Gln, string? Extension) GlnOf(string id) => Link(id) switch
    {
        LocationLink l => (l.Gln.Value, l.Extension?.Value),
        PartyLink p => (p.Party.Value, null),
        _ => (null, null),
    };

    private static DigitalLink? Link(string id)
    {
        DigitalLink? link = null;
        var parsed = id.StartsWith("urn:epc:", StringComparison.Ordinal) ? EpcUrn.TryToDigitalLink(id, out link) : DigitalLink.TryParse(id, out link);
        return parsed ? link : null;
    }
}
