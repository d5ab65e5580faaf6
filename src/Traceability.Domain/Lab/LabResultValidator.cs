using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Lab;

/// <summary>
/// Checks a <see cref="LabResultRequest"/> field by field and turns it into a <see cref="LabResult"/>. Every
/// problem is reported at once, each at its JSON path (<c>$.method</c>, <c>$.result.unit</c> …). Whether the
/// GTIN and lot exist is the API's question, not this one.
/// </summary>
/// <remarks>
/// The verdict must be the one the result implies: a measured value passes exactly when it is at or below the
/// limit, a qualitative result passes exactly when it is negative. A "fail" for a value within the limit is
/// rejected like a "pass" above it, because a stored fail marks the lot non-conformant everywhere and a
/// mistyped verdict in either direction would mislead consumers and regulators alike.
/// Just over 300 lines: one rule per field with its message, in the order of the request, so the whole contract of
/// a lab result reads top to bottom in one place.
/// </remarks>
public static class LabResultValidator
{
    /// <summary>The problem type the API reports these errors under.</summary>
    public const string ErrorCode = "invalid-lab-result";

    /// <summary>Longest free text accepted (names, instrument, analyst, limit source).</summary>
    public const int MaxTextLength = 200;

    /// <summary>Longest sample id or kit lot accepted.</summary>
    public const int MaxIdLength = 64;

    public const int MaxCertifications = 20;

    public static IReadOnlyList<FieldError> Validate(LabResultRequest request)
    {
        TryCreate(request, out _, out var errors);
        return errors;
    }

    public static bool TryCreate(LabResultRequest request, [NotNullWhen(true)] out LabResult? result, out IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reading = new Reading();
        result = reading.Read(request);
        errors = reading.Errors;
        return result is not null;
    }

    /// <exception cref="TraceError">InvalidArgument with code <see cref="ErrorCode"/>, listing every field error.</exception>
    public static LabResult Create(LabResultRequest request) =>
        TryCreate(request, out var result, out var errors)
            ? result
            : throw TraceError.Invalid(ErrorCode, $"the lab result is not valid: {errors[0].Path}: {errors[0].Message}", errors);

    private sealed class Reading
    {
        private readonly List<FieldError> _errors = [];

        public IReadOnlyList<FieldError> Errors => _errors;

        public LabResult? Read(LabResultRequest r)
        {
            var gtin = Gtin.TryParse(r.Gtin, out var g, out var gtinError) ? g : Fail<Gtin>("$.gtin", r.Gtin is null ? "is required" : gtinError);
            var lot = LotCode.TryParse(r.Lot, out var l, out var lotError) ? l : Fail<LotCode>("$.lot", r.Lot is null ? "is required" : lotError);
            var sampleId = RequiredText(r.SampleId, "$.sampleId", MaxIdLength);
            var analyte = ReadAnalyte(r.Analyte);
            var method = MethodCode.TryParse(r.Method, out var m, out var methodError) ? m : Fail<MethodCode>("$.method", r.Method is null ? "is required" : methodError);
            var (qualitative, measured) = ReadResult(r.Result);
            var limit = ReadLimit(r.Limit, measured);
            var verdict = ReadVerdict(r.Verdict, qualitative, measured, limit);
            var testedAt = ReadTestedAt(r.TestedAt);
            // A rapid-test (KJ) method reads a kit, so its lot and expiry are part of the record; an instrument method
            // (GB 23200.113 is GC-MS/MS) has none, and may still name one. An unreadable method is taken as a rapid test.
            var usesKit = method is null || method.Kind == MethodKind.RapidTest;
            string? kitLot;
            DateOnly? kitExpiry;
            if (usesKit || !string.IsNullOrWhiteSpace(r.KitLot) || r.KitExpiry is not null)
            {
                kitLot = RequiredText(r.KitLot, "$.kitLot", MaxIdLength);
                kitExpiry = ReadKitExpiry(r.KitExpiry, testedAt);
            }
            else
            {
                kitLot = null;
                kitExpiry = null;
            }
            var referenceMaterial = ReadReferenceMaterial(r.ReferenceMaterial);
            var instrument = OptionalText(r.Instrument, "$.instrument", MaxTextLength);
            var analyst = OptionalText(r.Analyst, "$.analyst", MaxTextLength);
            var certifications = ReadCertifications(r.Certifications);
            var record = new RapidTestRecord(
                OptionalText(r.TestSite, "$.testSite", MaxTextLength),
                OptionalText(r.Vendor, "$.vendor", MaxTextLength),
                OptionalText(r.SamplingOrderNo, "$.samplingOrderNo", MaxIdLength),
                ReadPhoto(r.PhotoSha256),
                ReadRetestOf(r.RetestOf));

            if (_errors.Count > 0)
                return null;
            return new LabResult(gtin!, lot!, sampleId!, analyte!, method!, qualitative, measured, limit, verdict!.Value,
                kitLot, kitExpiry, referenceMaterial!, instrument, analyst, testedAt!.Value, certifications, record);
        }

        private string? ReadPhoto(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var hex = text.Trim().ToLowerInvariant();
            return hex.Length == 64 && hex.All(char.IsAsciiHexDigit)
                ? hex
                : Fail<string>("$.photoSha256", "the SHA-256 of an uploaded test-card photo: 64 hexadecimal digits (POST /lab-results/photos answers it)");
        }

        private string? ReadRetestOf(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var id = text.Trim();
            if (id.Length == 64 && id.All(char.IsAsciiHexDigit)) id = $"ni:///sha-256;{id.ToLowerInvariant()}?ver=CBV2.0";
            return id.Length == RetestIdLength && id.StartsWith("ni:///sha-256;", StringComparison.Ordinal) && id.EndsWith("?ver=CBV2.0", StringComparison.Ordinal)
                && id[14..78].All(char.IsAsciiHexDigitLower)
                ? id
                : Fail<string>("$.retestOf", "the event id of the result this retests: ni:///sha-256;<64 hex digits>?ver=CBV2.0");
        }

        private const int RetestIdLength = 14 + 64 + 11;

        private Analyte? ReadAnalyte(AnalyteInput? input)
        {
            if (input is null)
                return Fail<Analyte>("$.analyte", "is required: { \"name\": \"chlorpyrifos\", \"inchiKey\"?: \"…\" }");
            var name = RequiredText(input.Name, "$.analyte.name", MaxTextLength);
            InchiKey? key = null;
            if (!string.IsNullOrWhiteSpace(input.InchiKey) && !InchiKey.TryParse(input.InchiKey.Trim(), out key))
                Add("$.analyte.inchiKey", $"'{input.InchiKey}' is not an InChIKey (14-10-1 upper-case letters, e.g. SBPBAQFWLVIOKP-UHFFFAOYSA-N)");
            return name is null ? null : new Analyte(name, key);
        }

        private (QualitativeResult?, Measurement?) ReadResult(ResultInput? input)
        {
            const string Shape = "{ \"qualitative\": \"negative|positive\" } or { \"value\": 0.012, \"unit\": \"mg/kg\" }";
            if (input is null || (input.Qualitative is null && input.Value is null && input.Unit is null))
            {
                Add("$.result", $"is required: {Shape}");
                return (null, null);
            }
            if (input.Qualitative is not null && input.Value is not null)
            {
                Add("$.result", $"give either a qualitative result or a value, not both: {Shape}");
                return (null, null);
            }
            if (input.Qualitative is not null)
            {
                if (input.Unit is not null)
                    Add("$.result.unit", "a qualitative result has no unit");
                var q = LabWords.ParseQualitative(input.Qualitative);
                if (q is null)
                    Add("$.result.qualitative", $"must be \"negative\" or \"positive\", not '{input.Qualitative}'");
                return (q, null);
            }
            if (input.Value is not { } value)
            {
                Add("$.result.value", "a unit needs its value");
                return (null, null);
            }
            if (value < 0)
                Add("$.result.value", "a measured amount cannot be negative");
            var unit = ReadUnit(input.Unit, "$.result.unit");
            return (null, value >= 0 && unit is not null ? new Measurement(value, unit) : null);
        }

        private ResultLimit? ReadLimit(LimitInput? input, Measurement? measured)
        {
            if (input is null)
            {
                if (measured is not null)
                    Add("$.limit", "a measured result needs the limit it is judged against: { \"value\": 0.05, \"unit\": \"mg/kg\" }");
                return null;
            }
            decimal? value = input.Value;
            if (value is null)
                Add("$.limit.value", "is required");
            else if (value < 0)
                Add("$.limit.value", "a limit cannot be negative");
            var unit = ReadUnit(input.Unit, "$.limit.unit");
            var source = OptionalText(input.Source, "$.limit.source", MaxTextLength);
            if (measured is not null && unit is not null && unit != measured.Unit)
                Add("$.limit.unit", $"must be the result's unit {measured.Unit.Symbol}, not {unit.Symbol}, so the two can be compared");
            return value is >= 0 && unit is not null ? new ResultLimit(value.Value, unit, source) : null;
        }

        private Verdict? ReadVerdict(string? word, QualitativeResult? qualitative, Measurement? measured, ResultLimit? limit)
        {
            var verdict = LabWords.ParseVerdict(word);
            if (verdict is null)
            {
                Add("$.verdict", word is null ? "is required: \"pass\" or \"fail\"" : $"must be \"pass\" or \"fail\", not '{word}'");
                return null;
            }
            if (qualitative is { } q && verdict != (q == QualitativeResult.Negative ? Verdict.Pass : Verdict.Fail))
            {
                Add("$.verdict", q == QualitativeResult.Positive
                    ? "a positive result cannot pass"
                    : "a negative result passes; only a positive one can fail");
            }
            if (measured is not null && limit is not null && measured.Unit == limit.Unit)
            {
                var within = measured.Value <= limit.Value;
                var limitText = new Measurement(limit.Value, limit.Unit).ToString();
                if (within && verdict == Verdict.Fail)
                    Add("$.verdict", $"{measured} is within the limit {limitText}, so the verdict is pass");
                if (!within && verdict == Verdict.Pass)
                    Add("$.verdict", $"{measured} is above the limit {limitText}, so the verdict is fail");
            }
            return verdict;
        }

        private DateTimeOffset? ReadTestedAt(string? text)
        {
            if (text is null)
                return Fail("$.testedAt", "is required, e.g. 2026-11-20T10:00:00+08:00");
            return Rfc3339.TryParse(text, out var at) ? at : Fail("$.testedAt", $"must be {Rfc3339.Expected}; got '{text}'");
        }

        private DateOnly? ReadKitExpiry(string? text, DateTimeOffset? testedAt)
        {
            if (text is null)
                return FailDate("$.kitExpiry", "is required, e.g. 2027-06-30");
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry))
                return FailDate("$.kitExpiry", $"must be a date yyyy-MM-dd, not '{text}'");
            // The test date is the lab's own calendar date; a kit is usable through its expiry date.
            if (testedAt is { } at && expiry < DateOnly.FromDateTime(at.DateTime))
                Add("$.kitExpiry", $"the kit expired on {expiry:yyyy-MM-dd}, before the test on {at:yyyy-MM-dd}");
            return expiry;
        }

        private GbwNumber? ReadReferenceMaterial(ReferenceMaterialInput? input)
        {
            if (input is null)
                return Fail<GbwNumber>("$.referenceMaterial", "is required: { \"number\": \"GBW(E)082923\", \"batch\"?: \"a\" }");
            if (!GbwNumber.TryParse(input.Number, out var number, out var error))
                return Fail<GbwNumber>("$.referenceMaterial.number", input.Number is null ? "is required" : error);
            if (string.IsNullOrWhiteSpace(input.Batch))
                return number;
            return number.TryWithBatch(input.Batch, out var withBatch, out error) ? withBatch : Fail<GbwNumber>("$.referenceMaterial.batch", error);
        }

        private IReadOnlyList<string> ReadCertifications(IReadOnlyList<string>? list)
        {
            if (list is null)
                return [];
            if (list.Count > MaxCertifications)
            {
                Add("$.certifications", $"at most {MaxCertifications} certifications, not {list.Count}");
                return [];
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.certifications[{i}]";
                var uri = list[i];
                if (!IsWebUri(uri))
                    Add(path, $"must be an absolute http or https URI, not '{uri}'");
                else if (!seen.Add(uri))
                    Add(path, $"'{uri}' is listed twice");
            }
            return list.ToArray();
        }

        private MeasurementUnit? ReadUnit(string? text, string path)
        {
            if (text is null)
                return Fail<MeasurementUnit>(path, "is required, e.g. mg/kg");
            return MeasurementUnit.TryParse(text, out var unit) ? unit : Fail<MeasurementUnit>(path, MeasurementUnit.UnknownUnit(text));
        }

        private string? RequiredText(string? text, string path, int maxLength)
        {
            if (string.IsNullOrWhiteSpace(text))
                return Fail<string>(path, "is required");
            return OptionalText(text, path, maxLength);
        }

        private string? OptionalText(string? text, string path, int maxLength)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            var trimmed = text.Trim();
            return LabText.IsAcceptableText(trimmed, maxLength, out var error) ? trimmed : Fail<string>(path, error);
        }

        // The EPCIS validator must accept it too (no spaces or stray characters), hence both checks.
        private static bool IsWebUri(string? text) =>
            text is not null && UriSyntax.IsAbsolute(text)
            && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host);

        private void Add(string path, string message) => _errors.Add(new FieldError(path, message));

        private T? Fail<T>(string path, string message) where T : class
        {
            Add(path, message);
            return null;
        }

        private DateTimeOffset? Fail(string path, string message)
        {
            Add(path, message);
            return null;
        }

        private DateOnly? FailDate(string path, string message)
        {
            Add(path, message);
            return null;
        }
    }
}
