namespace Traceability.Domain.Epcis.Validation;

/// <summary>The outcome of validating a document or event: valid when there are no errors.</summary>
public sealed class ValidationResult
{
    public static readonly ValidationResult Valid = new([]);

    private ValidationResult(IReadOnlyList<ValidationError> errors) => Errors = errors;

    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<ValidationError> Errors { get; }

    public static ValidationResult Of(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0 ? Valid : new ValidationResult(errors.ToArray());

    public override string ToString() => IsValid ? "valid" : string.Join(Environment.NewLine, Errors);
}
