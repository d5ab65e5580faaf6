using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Epcis.Query;

/// <summary>The binding's GS1-EPC-Format: the form in which a response gives EPCs and other GS1 identifiers.</summary>
public enum EpcFormat
{
    /// <summary>Any form (this repository then answers identifiers as they were captured).</summary>
    NoPreference,

    /// <summary>Every identifier with a Digital Link form as a GS1 Digital Link URI (the binding's default).</summary>
    AlwaysGs1DigitalLink,

    /// <summary>Every identifier with an EPC URI form as an EPC URI, where the GS1 company prefix length is known.</summary>
    AlwaysEpcUrn,

    /// <summary>As captured.</summary>
    NeverTranslates,
}

/// <summary>
/// Rewrites the identifiers of an event (EPC lists, parent, quantity classes, read point, business location, sources
/// and destinations) in the form a client asked for. The CBV 2.0 hash reads both forms as the same identifier, so the
/// event keeps its id. An EPC URI needs the GS1 company prefix length, which only the licensee knows: identifiers under
/// a prefix no member organisation holds stay Digital Links.
/// </summary>
public static class EpcFormats
{
    public const string HeaderName = "GS1-EPC-Format";

    public static readonly IReadOnlyDictionary<string, EpcFormat> ByName = new Dictionary<string, EpcFormat>(StringComparer.Ordinal)
    {
        ["No_Preference"] = EpcFormat.NoPreference,
        ["Always_GS1_Digital_Link"] = EpcFormat.AlwaysGs1DigitalLink,
        ["Always_EPC_URN"] = EpcFormat.AlwaysEpcUrn,
        ["Never_Translates"] = EpcFormat.NeverTranslates,
    };

    public static string Name(EpcFormat format) => ByName.First(p => p.Value == format).Key;

    private static readonly string[] IdLists = ["epcList", "childEPCs", "inputEPCList", "outputEPCList"];
    private static readonly string[] QuantityLists = ["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"];

    /// <param name="companyPrefixLength">The GS1 company prefix length of a key, or null when unknown.</param>
    public static JsonObject Apply(JsonObject evt, EpcFormat format, Func<string, int?> companyPrefixLength)
    {
        if (format is EpcFormat.NoPreference or EpcFormat.NeverTranslates) return evt;
        Func<string, string> convert = format == EpcFormat.AlwaysGs1DigitalLink ? ToDigitalLink : id => ToUrn(id, companyPrefixLength);
        foreach (var list in IdLists)
        {
            if (evt[list] is JsonArray ids) Rewrite(ids, convert);
        }
        Replace(evt, "parentID", convert);
        foreach (var list in QuantityLists)
        {
            if (evt[list] is JsonArray quantities)
                foreach (var q in quantities.OfType<JsonObject>()) Replace(q, "epcClass", convert);
        }
        foreach (var place in new[] { "readPoint", "bizLocation" })
        {
            if (evt[place] is JsonObject p) Replace(p, "id", convert);
        }
        foreach (var (list, field) in new[] { ("sourceList", "source"), ("destinationList", "destination") })
        {
            if (evt[list] is JsonArray parties)
                foreach (var p in parties.OfType<JsonObject>()) Replace(p, field, convert);
        }
        return evt;
    }

    private static void Rewrite(JsonArray ids, Func<string, string> convert)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (JsonValues.StringOrNull(ids[i]) is { } id) ids[i] = convert(id);
        }
    }

    private static void Replace(JsonObject holder, string field, Func<string, string> convert)
    {
        if (JsonValues.StringOrNull(holder[field]) is { } id) holder[field] = convert(id);
    }

    private static string ToDigitalLink(string id) =>
        id.StartsWith("urn:epc:", StringComparison.Ordinal) && EpcUrn.TryToDigitalLinkUri(id, out var uri) ? uri : id;

    private static string ToUrn(string id, Func<string, int?> companyPrefixLength)
    {
        if (!DigitalLink.TryParse(id, out var link)) return id;
        var key = link switch
        {
            GtinLink g => g.Gtin.Value[1..],
            SsccLink s => s.Sscc.Value[1..],
            LocationLink l => l.Gln.Value,
            PartyLink p => p.Party.Value,
            _ => null,
        };
        if (key is null || companyPrefixLength(key) is not { } length) return id;
        try
        {
            return EpcUrn.FromDigitalLink(link, length);
        }
        catch (ArgumentException)
        {
            return id; // a prefix length that does not fit this key
        }
    }
}
