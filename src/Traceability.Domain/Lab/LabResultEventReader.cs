using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;
using static Traceability.Domain.Lab.LabResultExtension;

namespace Traceability.Domain.Lab;

/// <summary>
/// Reads a stored lab-result event back into a <see cref="LabResult"/> by rebuilding the request it stands for
/// and validating that, so a result read back obeys exactly the rules a posted one does.
/// </summary>
internal static class LabResultEventReader
{
    public static bool TryRead(JsonObject evt, [NotNullWhen(true)] out LabResult? result)
    {
        ArgumentNullException.ThrowIfNull(evt);
        result = null;
        if (Text(evt["type"]) != "ObjectEvent" || Text(evt["bizStep"]) is not { } step || Cbv.ShortName(step) != "inspecting")
            return false;
        var fields = FieldsOf(evt);
        if (fields.Count == 0)
            return false;
        JsonNode? Field(string localName) => fields.GetValueOrDefault(localName);
        if (TestedLot(evt) is not { } lot)
            return false;

        var qualitative = Text(Field(Names.Qualitative));
        var hasLimit = Field(Names.Limit) is not null || Field(Names.LimitUnit) is not null;
        var request = new LabResultRequest(
            Gtin: lot.Gtin,
            Lot: lot.Lot,
            SampleId: Text(Field(Names.SampleId)),
            Analyte: new AnalyteInput(Text(Field(Names.Analyte)), Text(Field(Names.InchiKey))),
            Method: Text(Field(Names.Method)),
            Result: qualitative is not null
                ? new ResultInput(Qualitative: qualitative)
                : new ResultInput(Value: Number(Field(Names.Value)), Unit: Text(Field(Names.Unit))),
            Limit: hasLimit ? new LimitInput(Number(Field(Names.Limit)), Text(Field(Names.LimitUnit)), Text(Field(Names.LimitSource))) : null,
            Verdict: Text(Field(Names.Verdict)),
            KitLot: Text(Field(Names.KitLot)),
            KitExpiry: Text(Field(Names.KitExpiry)),
            ReferenceMaterial: new ReferenceMaterialInput(Text(Field(Names.ReferenceMaterial))),
            Instrument: Text(Field(Names.Instrument)),
            Analyst: Text(Field(Names.Analyst)),
            TestedAt: Text(evt["eventTime"]),
            Certifications: Certifications(evt["certificationInfo"]),
            TestSite: Text(Field(Names.TestSite)),
            Vendor: Text(Field(Names.Vendor)),
            SamplingOrderNo: Text(Field(Names.SamplingOrderNo)),
            PhotoSha256: Text(Field(Names.PhotoSha256)),
            RetestOf: Text(Field(Names.RetestOf)));

        if (!LabResultValidator.TryCreate(request, out var read, out _))
            return false;
        // A disposition that contradicts the verdict means the event was not written by these rules: trust neither.
        var expected = read.Verdict == Lab.Verdict.Pass ? "conformant" : "non_conformant";
        if (Text(evt["disposition"]) is not { } disposition || Cbv.ShortName(disposition) != expected)
            return false;
        result = read;
        return true;
    }

    /// <summary>The one lot the event observes, from its quantityList or epcList (Digital Link or EPC URN).</summary>
    private static (string Gtin, string Lot)? TestedLot(JsonObject evt)
    {
        var ids = Identifiers(evt["quantityList"], q => Text((q as JsonObject)?["epcClass"]))
            .Concat(Identifiers(evt["epcList"], Text));
        var lots = ids.Select(Custody.Identifiers.LotPath).OfType<string>().Distinct().ToList();
        return lots.Count == 1 ? Custody.Identifiers.SplitLot(lots[0]) : null;
    }

    private static IEnumerable<string> Identifiers(JsonNode? list, Func<JsonNode?, string?> id) =>
        list is JsonArray array ? array.Select(id).OfType<string>() : [];

    private static IReadOnlyList<string>? Certifications(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(Text).OfType<string>().ToArray(),
        JsonValue single when Text(single) is { } one => [one],
        _ => null,
    };

    private static string? Text(JsonNode? node) => JsonValues.StringOrNull(node);

    private static decimal? Number(JsonNode? node) => JsonValues.TryGetDecimal(node, out var value) ? value : null;
}
