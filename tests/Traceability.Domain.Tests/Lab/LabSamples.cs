using System.Text.Json;
using Traceability.Domain.Gs1;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

/// <summary>The API.md example body, and variations of it for targeted tests.</summary>
internal static class LabSamples
{
    public const string ApiExampleJson = """
        { "gtin": "09506000134352", "lot": "A-1", "sampleId": "S-1",
          "analyte": { "name": "chlorpyrifos", "inchiKey": "SBPBAQFWLVIOKP-UHFFFAOYSA-N" },
          "method": "KJ 201710",
          "result": { "qualitative": "negative" },
          "limit": { "value": 0.05, "unit": "mg/kg", "source": "GB 2763-2021" },
          "verdict": "pass",
          "kitLot": "K2026-11", "kitExpiry": "2027-06-30",
          "referenceMaterial": { "number": "GBW(E)082923", "batch": "a" },
          "instrument": "Rapid pesticide analyser RP-3", "analyst": "Li Wei", "testedAt": "2026-11-20T10:00:00+08:00",
          "certifications": ["https://cma.example.cn/cma/2026-1234", "https://cnas.example.org/cnas/L1234"] }
        """;

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static readonly LabParty LabWithGln = new("org-lab", Gln.Parse("9506000000015"));

    public static readonly LabParty LabWithoutGln = new("org-lab");

    /// <summary>The API.md example: a negative qualitative rapid test that passes.</summary>
    public static LabResultRequest Qualitative() =>
        JsonSerializer.Deserialize<LabResultRequest>(ApiExampleJson, Web) ?? throw new InvalidOperationException("sample is null");

    /// <summary>A measured result: 0.012 mg/kg against a 0.05 mg/kg limit, a pass.</summary>
    public static LabResultRequest Measured() => Qualitative() with
    {
        Method = "GB 23200.113-2018",
        Result = new ResultInput(Value: 0.012m, Unit: "mg/kg"),
    };

    /// <summary>A measured result above its limit: 0.08 mg/kg against 0.05 mg/kg, a fail.</summary>
    public static LabResultRequest MeasuredFail() => Measured() with
    {
        Result = new ResultInput(Value: 0.08m, Unit: "mg/kg"),
        Verdict = "fail",
    };
}
