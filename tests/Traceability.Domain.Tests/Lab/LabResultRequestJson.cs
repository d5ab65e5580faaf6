using System.Text.Json;
using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class LabResultRequestJson
{
    [Fact]
    public void DeserialisesTheApiExampleWithWebDefaults()
    {
        var request = LabSamples.Qualitative();

        Assert.Equal("09506000134352", request.Gtin);
        Assert.Equal("chlorpyrifos", request.Analyte?.Name);
        Assert.Equal("negative", request.Result?.Qualitative);
        Assert.Equal(0.05m, request.Limit?.Value);
        Assert.Equal("a", request.ReferenceMaterial?.Batch);
        Assert.Equal(2, request.Certifications?.Count);
    }

    [Fact]
    public void TheApiExampleIsAValidLabResult() =>
        Assert.Empty(LabResultValidator.Validate(LabSamples.Qualitative()));

    [Fact]
    public void DeserialisesAMeasuredResult()
    {
        var request = JsonSerializer.Deserialize<LabResultRequest>("""{ "result": { "value": 0.012, "unit": "mg/kg" } }""", LabSamples.Web);

        Assert.Equal(new ResultInput(Value: 0.012m, Unit: "mg/kg"), request?.Result);
    }

    [Fact]
    public void SerialisesBackToCamelCaseNames()
    {
        var json = JsonSerializer.Serialize(LabSamples.Qualitative(), LabSamples.Web);

        Assert.Contains("\"sampleId\":\"S-1\"", json);
        Assert.Contains("\"kitExpiry\":\"2027-06-30\"", json);
    }
}
