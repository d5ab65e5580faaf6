using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Validation;

internal static class ValidationAssert
{
    public static void Valid(ValidationResult result)
    {
        Assert.True(result.IsValid, $"expected valid, got:{Environment.NewLine}{result}");
        Assert.Empty(result.Errors);
    }

    /// <summary>Rejected, and every error points at exactly <paramref name="path"/> (nothing collateral).</summary>
    public static void RejectedOnlyAt(ValidationResult result, string path)
    {
        Assert.False(result.IsValid, $"expected an error at {path}, but it was accepted");
        Assert.True(result.Errors.All(e => e.Path == path), $"expected errors only at {path}, got:{Environment.NewLine}{result}");
    }

    /// <summary>Rejected with (at least) an error at <paramref name="path"/>.</summary>
    public static void RejectedAt(ValidationResult result, string path)
    {
        Assert.False(result.IsValid, $"expected an error at {path}, but it was accepted");
        Assert.True(result.Errors.Any(e => e.Path == path), $"expected an error at {path}, got:{Environment.NewLine}{result}");
    }
}
