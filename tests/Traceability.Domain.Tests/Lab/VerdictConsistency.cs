using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class VerdictConsistency
{
    private static IReadOnlyList<string> Paths(LabResultRequest request) =>
        LabResultValidator.Validate(request).Select(e => e.Path).ToList();

    [Theory]
    [InlineData(0.012, "pass")]
    [InlineData(0.05, "pass")]
    [InlineData(0.0501, "fail")]
    [InlineData(3, "fail")]
    public void AcceptsTheVerdictTheValueAndLimitImply(double value, string verdict) =>
        Assert.Empty(Paths(LabSamples.Measured() with { Result = new ResultInput(Value: (decimal)value, Unit: "mg/kg"), Verdict = verdict }));

    [Fact]
    public void RejectsAPassAboveTheLimit()
    {
        var error = Assert.Single(LabResultValidator.Validate(LabSamples.MeasuredFail() with { Verdict = "pass" }));

        Assert.Equal("$.verdict", error.Path);
        Assert.Contains("above the limit", error.Message);
    }

    [Fact]
    public void RejectsAFailWithinTheLimit() =>
        Assert.Equal(["$.verdict"], Paths(LabSamples.Measured() with { Verdict = "fail" }));

    [Fact]
    public void RejectsAPositiveThatPasses() =>
        Assert.Equal(["$.verdict"], Paths(LabSamples.Qualitative() with { Result = new ResultInput(Qualitative: "positive"), Verdict = "pass" }));

    [Fact]
    public void RejectsANegativeThatFails() =>
        Assert.Equal(["$.verdict"], Paths(LabSamples.Qualitative() with { Verdict = "fail" }));

    [Fact]
    public void AcceptsAPositiveThatFails() =>
        Assert.Empty(Paths(LabSamples.Qualitative() with { Result = new ResultInput(Qualitative: "positive"), Verdict = "fail" }));

    [Theory]
    [InlineData("PASS")]
    [InlineData("ok")]
    public void RejectsOtherVerdictWords(string verdict) =>
        Assert.Equal(["$.verdict"], Paths(LabSamples.Qualitative() with { Verdict = verdict }));
}
