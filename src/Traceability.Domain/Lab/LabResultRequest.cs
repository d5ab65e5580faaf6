namespace Traceability.Domain.Lab;

/// <summary>
/// The body of <c>POST /lab-results</c> (with the fields Chinese rapid-test records carry: test site 检测点, market vendor
/// sampled 经营户, sampling order number 抽样单号, the test card's photo by SHA-256, and the result a retest 复检 repeats) exactly as API.md gives it, for System.Text.Json with web defaults
/// (camelCase). Every field is optional here so that a missing or malformed one is reported by
/// <see cref="LabResultValidator"/> with its path rather than failing deserialisation.
/// </summary>
public sealed record LabResultRequest(
    string? Gtin = null,
    string? Lot = null,
    string? SampleId = null,
    AnalyteInput? Analyte = null,
    string? Method = null,
    ResultInput? Result = null,
    LimitInput? Limit = null,
    string? Verdict = null,
    string? KitLot = null,
    string? KitExpiry = null,
    ReferenceMaterialInput? ReferenceMaterial = null,
    string? Instrument = null,
    string? Analyst = null,
    string? TestedAt = null,
    IReadOnlyList<string>? Certifications = null,
    string? TestSite = null,
    string? Vendor = null,
    string? SamplingOrderNo = null,
    string? PhotoSha256 = null,
    string? RetestOf = null);

/// <summary><c>"analyte": { "name", "inchiKey"? }</c></summary>
public sealed record AnalyteInput(string? Name = null, string? InchiKey = null);

/// <summary><c>"result": { "qualitative": "negative|positive" }</c> or <c>{ "value": 0.012, "unit": "mg/kg" }</c>.</summary>
public sealed record ResultInput(string? Qualitative = null, decimal? Value = null, string? Unit = null);

/// <summary><c>"limit": { "value", "unit", "source"? }</c></summary>
public sealed record LimitInput(decimal? Value = null, string? Unit = null, string? Source = null);

/// <summary><c>"referenceMaterial": { "number", "batch"? }</c>; the batch letter may also end the number.</summary>
public sealed record ReferenceMaterialInput(string? Number = null, string? Batch = null);
