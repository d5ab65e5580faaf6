namespace Traceability.Domain.Epcis.Validation;

/// <summary>One violation, located by a JSONPath-like path such as <c>$.epcisBody.eventList[2].action</c>.</summary>
public sealed record ValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
