using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;

namespace Traceability.Domain.Tests.Hashing;

/// <summary>Small events for rule-by-rule tests, written as JSON so a test shows exactly what is sent.</summary>
internal static class HashingTestEvents
{
    public const string Context = """["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"example": "https://ns.example.com/epcis/"}]""";

    /// <summary>An ObjectEvent with the given extra members (a JSON fragment starting with a comma, or empty).</summary>
    public static JsonObject ObjectEvent(string extraMembers = "") => (JsonObject)JsonNode.Parse(
        """{"type": "ObjectEvent", "eventTime": "2024-05-01T10:00:00+02:00", "eventTimeZoneOffset": "+02:00", "action": "OBSERVE" """
        + extraMembers + "}")!;

    public static JsonObject Document(string context = Context) => (JsonObject)JsonNode.Parse($$"""{"@context": {{context}}}""")!;

    public static string PreHash(string extraMembers) => EventHash.PreHash(ObjectEvent(extraMembers), Document());

    public static string Id(string extraMembers) => EventHash.ComputeId(ObjectEvent(extraMembers), Document());

    public const string Start = "eventType=ObjectEventeventTime=2024-05-01T08:00:00.000ZeventTimeZoneOffset=+02:00";
}
