using System.Globalization;
using CsCheck;
using Traceability.Domain.Lab;
using Traceability.Domain.Tests.Gs1;

namespace Traceability.Domain.Tests.Lab;

/// <summary>Generators of valid lab-result requests, covering every optional part and unit.</summary>
internal static class LabGens
{
    // Letters, digits, punctuation and CJK, no spaces: free text survives trimming unchanged.
    private const string TextChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_/:#.()+样品检测员仪器农药残留甲胺磷";

    private static readonly Gen<string> Text = Gen.Char[TextChars].Array[1, 30].Select(c => new string(c));

    private static Gen<T?> Optional<T>(Gen<T> gen) where T : class =>
        Gen.Bool.SelectMany(present => present ? gen.Select(v => (T?)v) : Gen.Const(default(T)));

    public static readonly Gen<string> InchiKey = Gen.Select(
        Gen.Char['A', 'Z'].Array[14], Gen.Char['A', 'Z'].Array[10], Gen.Char['A', 'Z'],
        (a, b, c) => $"{new string(a)}-{new string(b)}-{c}");

    public static readonly Gen<string> Method = Gen.OneOf(
        Gen.Select(Gen.Int[2000, 2099], Gen.Int[1, 99], (year, n) => $"KJ {year}{n:00}"),
        Gen.Select(Gen.OneOf("GB", "GB/T", "GB/Z", "NY/T", "SN/T"), Gen.Int[1, 99999].Array[1, 3], Gen.Int[1950, 2099],
            (prefix, parts, year) => $"{prefix} {string.Join('.', parts)}-{year}"));

    public static readonly Gen<ReferenceMaterialInput> ReferenceMaterial = Gen.Select(
        Gen.Bool, Gen.Char['0', '9'].Array[6], Gen.Int[0, 2], Gen.Char['a', 'z'],
        (secondClass, digits, batchForm, batch) =>
        {
            var number = secondClass ? "GBW(E)" + new string(digits) : "GBW" + new string(digits, 0, 5);
            return batchForm switch
            {
                0 => new ReferenceMaterialInput(number),
                1 => new ReferenceMaterialInput(number + batch),
                _ => new ReferenceMaterialInput(number, batch.ToString()),
            };
        });

    public static readonly Gen<string> UnitSpelling = Gen.OneOf(MeasurementUnit.All.Select(u => u.Symbol)
        .Concat(["ug/kg", "μg/kg", "mg/l", "ug/L", "g/100 g", "cfu/ml"]).ToArray());

    /// <summary>Three decimal places, up to 100: typical of residue results and exact in decimal.</summary>
    private static readonly Gen<decimal> Amount = Gen.Int[0, 100_000].Select(n => n / 1000m);

    public static readonly Gen<DateTimeOffset> TestedAt = Gen.Select(
        Gen.Int[0, 36_000], Gen.Int[0, 86_399], Gen.Int[0, 999], Gen.Int[-48, 56],
        (day, second, millis, quarterHours) => new DateTimeOffset(
            new DateTime(2000, 1, 1).AddDays(day).AddSeconds(second).AddMilliseconds(millis), TimeSpan.FromMinutes(15 * quarterHours)));

    private static readonly Gen<string[]> Certifications = Gen.Int[0, 3].Select(n =>
        Enumerable.Range(0, n).Select(i => $"https://cert{i}.example.cn/cma/{n}-{i}").ToArray());

    /// <summary>The result, limit and verdict together, so the verdict always agrees.</summary>
    private static readonly Gen<(ResultInput Result, LimitInput? Limit, string Verdict)> Outcome = Gen.OneOf(
        Gen.Select(Gen.Bool, Optional(Gen.Select(Amount, UnitSpelling, Optional(Text), (v, u, s) => new LimitInput(v, u, s))),
            (negative, limit) => (new ResultInput(Qualitative: negative ? "negative" : "positive"), limit, negative ? "pass" : "fail")),
        Gen.Select(Amount, Amount, UnitSpelling, Optional(Text),
            (value, limit, unit, source) => (new ResultInput(Value: value, Unit: unit), (LimitInput?)new LimitInput(limit, unit, source),
                value <= limit ? "pass" : "fail")));

    public static readonly Gen<LabResultRequest> Request = Gen.Select(
        Gen.Select(Gs1Gens.Gtin, Gs1Gens.Lot, Text, Text, Optional(InchiKey), Method),
        Outcome,
        Gen.Select(Text, TestedAt, Gen.Int[0, 1000], ReferenceMaterial),
        Gen.Select(Optional(Text), Optional(Text), Certifications),
        (what, outcome, kit, who) => new LabResultRequest(
            Gtin: what.Item1.Value,
            Lot: what.Item2.Value,
            SampleId: what.Item3,
            Analyte: new AnalyteInput(what.Item4, what.Item5),
            Method: what.Item6,
            Result: outcome.Result,
            Limit: outcome.Limit,
            Verdict: outcome.Verdict,
            KitLot: kit.Item1,
            KitExpiry: DateOnly.FromDateTime(kit.Item2.DateTime).AddDays(kit.Item3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ReferenceMaterial: kit.Item4,
            Instrument: who.Item1,
            Analyst: who.Item2,
            TestedAt: kit.Item2.ToString(kit.Item2.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            Certifications: who.Item3));
}
