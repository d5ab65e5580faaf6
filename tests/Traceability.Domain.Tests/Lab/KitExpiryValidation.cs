using Traceability.Domain.Lab;

namespace Traceability.Domain.Tests.Lab;

public class KitExpiryValidation
{
    [Fact]
    public void RejectsKitExpiredBeforeTestDate()
    {
        var error = Assert.Single(LabResultValidator.Validate(LabSamples.Qualitative() with { KitExpiry = "2026-11-19" }));

        Assert.Equal("$.kitExpiry", error.Path);
        Assert.Contains("2026-11-19", error.Message);
    }

    [Fact]
    public void AcceptsAKitExpiringOnTheTestDay() =>
        Assert.Empty(LabResultValidator.Validate(LabSamples.Qualitative() with { KitExpiry = "2026-11-20" }));

    [Fact]
    public void JudgesTheTestDateInTheLabsOwnOffset()
    {
        // 00:30 on the 20th in Beijing is still the 19th in UTC: the kit expiring on the 19th was out of date.
        var request = LabSamples.Qualitative() with { TestedAt = "2026-11-20T00:30:00+08:00", KitExpiry = "2026-11-19" };

        Assert.Equal("$.kitExpiry", Assert.Single(LabResultValidator.Validate(request)).Path);
    }

    [Fact]
    public void AcceptsATestLateOnTheExpiryDayInAWesternOffset() =>
        // 23:30 on the 19th at -05:00 is the 20th in UTC, but the lab's own date is still the 19th.
        Assert.Empty(LabResultValidator.Validate(LabSamples.Qualitative() with { TestedAt = "2026-11-19T23:30:00-05:00", KitExpiry = "2026-11-19" }));
}
