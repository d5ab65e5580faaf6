namespace Traceability.Domain.Epcis.Validation;

/// <summary>Collects errors during one validation pass; allocates nothing while everything is valid.</summary>
internal sealed class ErrorList
{
    private List<ValidationError>? errors;

    public void Add(string path, string message) => (errors ??= []).Add(new ValidationError(path, message));

    public ValidationResult ToResult() => errors is null ? ValidationResult.Valid : ValidationResult.Of(errors);
}
