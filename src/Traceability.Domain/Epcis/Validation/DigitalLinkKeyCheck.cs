using Traceability.Domain.Gs1;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>
/// GS1 identifiers inside an event that could be stored but never served: Digital Links whose key has a wrong or
/// non-digit check digit or whose lot, serial or other qualifier breaks its AI's rules (<see cref="DigitalLinkCheck"/>),
/// and sgtin/lgtin EPC URIs whose serial or lot does (<see cref="EpcUrn.ValueProblem"/>). Any other absolute URI
/// stays valid: only URIs shaped like a GS1 key are judged.
/// </summary>
internal static class DigitalLinkKeyCheck
{
    /// <summary>An error message for a GS1 identifier that breaks the GS1 rules, else null.</summary>
    public static string? Check(string uri) =>
        uri.StartsWith("urn:epc:", StringComparison.Ordinal) ? EpcUrn.ValueProblem(uri) : DigitalLinkCheck.Problem(uri);
}
