namespace Traceability.Domain.Epcis.Validation;

/// <summary>Collects errors during one validation pass; allocates nothing while everything is valid.</summary>
internal sealed class ErrorList
{
    private List<ValidationError>? errors;

    /// <summary>
    /// The binding the input came in: the JSON schema marks identifier lists uniqueItems, the XML schema has no such
    /// rule (a repeated &lt;epc&gt; is valid XML EPCIS, and GS1's reference hash counts it twice).
    /// </summary>
    public EpcisBinding Binding { get; init; } = EpcisBinding.Json;

    public void Add(string path, string message) => (errors ??= []).Add(new ValidationError(path, message));

    public ValidationResult ToResult() => errors is null ? ValidationResult.Valid : ValidationResult.Of(errors);
}
