using System.Globalization;
using System.Text.Json.Nodes;
using Traceability.Domain.Gs1;
using static Traceability.Domain.Lab.LabResultExtension;

namespace Traceability.Domain.Lab;

/// <summary>
/// Writes a lab result as the EPCIS 2.0 ObjectEvent API.md describes: the lab OBSERVEs the lot (a lot-level
/// class in quantityList, which custody attributes to the lot) while <c>inspecting</c>; disposition
/// <c>conformant</c> or <c>non_conformant</c>; the sample as a <c>testres</c> business transaction; a measured
/// value as a sensor report; the lab's qualifications as <c>certificationInfo</c>; everything else in the
/// lab-result extension.
/// </summary>
public static class LabResultEvent
{
    public const string EpcisContext = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /// <summary>Where sample identifiers of labs without a GLN live (an identifier, not a page).</summary>
    public const string SampleUriBase = "https://traceability.example/lab-samples/";

    /// <exception cref="TraceError">The request is not a valid lab result (<see cref="LabResultValidator.ErrorCode"/>).</exception>
    public static JsonObject Build(LabResultRequest request, LabParty lab) => Build(LabResultValidator.Create(request), lab);

    public static JsonObject Build(LabResult result, LabParty lab)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lab);
        var evt = new JsonObject
        {
            ["@context"] = new JsonArray(EpcisContext, new JsonObject { [Prefix] = Namespace }),
            ["type"] = "ObjectEvent",
            ["eventTime"] = result.TestedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
            ["eventTimeZoneOffset"] = result.TestedAt.ToString("zzz", CultureInfo.InvariantCulture),
            ["action"] = "OBSERVE",
            // No quantity: the lab observed the lot, not an amount of it.
            ["quantityList"] = new JsonArray(new JsonObject { ["epcClass"] = new GtinLink(result.Gtin, result.Lot).ToUri() }),
            ["bizStep"] = "inspecting",
            ["disposition"] = result.Verdict == Verdict.Pass ? "conformant" : "non_conformant",
        };
        if (lab.Gln is { } gln)
            evt["bizLocation"] = new JsonObject { ["id"] = new LocationLink(gln).ToUri() };
        evt["bizTransactionList"] = new JsonArray(new JsonObject { ["type"] = "testres", ["bizTransaction"] = SampleUri(result.SampleId, lab) });
        if (result.Measured is { } measured)
            evt["sensorElementList"] = new JsonArray(new JsonObject { ["sensorReport"] = new JsonArray(SensorReport(measured, result.Analyte)) });
        if (result.Certifications.Count > 0)
            evt["certificationInfo"] = new JsonArray(result.Certifications.Select(c => (JsonNode)JsonValue.Create(c)).ToArray());
        AddExtension(evt, result);
        return evt;
    }

    /// <summary>
    /// The sample as a business transaction URI: CBV's private transaction form
    /// <c>urn:epcglobal:cbv:bt:{lab GLN}:{sampleId}</c> when the lab has a GLN, else one under <see cref="SampleUriBase"/>.
    /// </summary>
    public static string SampleUri(string sampleId, LabParty lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        var sample = Uri.EscapeDataString(sampleId);
        return lab.Gln is { } gln
            ? $"urn:epcglobal:cbv:bt:{gln.Value}:{sample}"
            : SampleUriBase + Uri.EscapeDataString(lab.OrgId) + "/" + sample;
    }

    private static JsonObject SensorReport(Measurement measured, Analyte analyte)
    {
        var report = new JsonObject { ["type"] = measured.Unit.Gs1MeasurementType ?? MicrobialCountType };
        if (analyte.InchiKey is { } key)
            report["chemicalSubstance"] = key.ToUri();
        report["value"] = measured.Value;
        if (measured.Unit.Rec20Code is { } code)
            report["uom"] = code;
        else
            report[Compact(Names.Unit)] = measured.Unit.Symbol; // no Rec 20 code: say the unit in our own terms
        return report;
    }

    private static void AddExtension(JsonObject evt, LabResult result)
    {
        void Set(string name, JsonNode? value)
        {
            if (value is not null)
                evt[Compact(name)] = value;
        }

        Set(Names.SampleId, result.SampleId);
        Set(Names.Analyte, result.Analyte.Name);
        Set(Names.InchiKey, result.Analyte.InchiKey?.Value);
        Set(Names.Method, result.Method.Value);
        Set(Names.Qualitative, result.Qualitative?.ToWord());
        // The value is repeated here so the extension alone tells the whole result, whatever the unit.
        Set(Names.Value, result.Measured is { } m ? JsonValue.Create(m.Value) : null);
        Set(Names.Unit, result.Measured?.Unit.Symbol);
        Set(Names.Limit, result.Limit is { } l ? JsonValue.Create(l.Value) : null);
        Set(Names.LimitUnit, result.Limit?.Unit.Symbol);
        Set(Names.LimitSource, result.Limit?.Source);
        Set(Names.Verdict, result.Verdict.ToWord());
        Set(Names.KitLot, result.KitLot);
        Set(Names.KitExpiry, result.KitExpiry?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Set(Names.ReferenceMaterial, result.ReferenceMaterial.Value);
        Set(Names.Instrument, result.Instrument);
        Set(Names.Analyst, result.Analyst);
        Set(Names.TestSite, result.TestSite);
        Set(Names.Vendor, result.Vendor);
        Set(Names.SamplingOrderNo, result.SamplingOrderNo);
        Set(Names.PhotoSha256, result.PhotoSha256);
        Set(Names.RetestOf, result.RetestOf);
    }
}
