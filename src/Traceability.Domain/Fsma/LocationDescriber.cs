using Traceability.Domain.Gs1;

namespace Traceability.Domain.Fsma;

/// <summary>
/// Writes the location descriptions the rule asks for from the GLNs events carry: the name known for the GLN (from
/// the caller's lookup, else the recording organisation's own name when it is its GLN) with the GLN, e.g.
/// "Green Valley Farm (GLN 9506000000015)". Identifiers that hold no GLN are written as they are.
/// </summary>
internal sealed class LocationDescriber(Func<string, string?>? locationName)
{
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

    private static (string? Gln, string? Extension) GlnOf(string id)
    {
        DigitalLink? link = null;
        var parsed = id.StartsWith("urn:epc:", StringComparison.Ordinal) ? EpcUrn.TryToDigitalLink(id, out link) : DigitalLink.TryParse(id, out link);
        return parsed ? link switch
        {
            LocationLink l => (l.Gln.Value, l.Extension?.Value),
            PartyLink p => (p.Party.Value, null),
            _ => (null, null),
        } : (null, null);
    }
}
