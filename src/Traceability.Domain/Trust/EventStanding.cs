namespace Traceability.Domain.Trust;

/// <summary>
/// What entitled the writer to say what an event says about the lots it names, decided at capture. Only events of
/// standing (<see cref="IsOfRecord"/>) shape what consumers see of a lot: its page, journey and conformance.
/// </summary>
public enum EventStanding
{
    /// <summary>The writer creates, holds, held or is receiving a lot the event names: it is in the custody chain.</summary>
    Custodian,

    /// <summary>A laboratory inspecting (testing) a lot.</summary>
    Inspector,

    /// <summary>A market regulator.</summary>
    Regulator,

    /// <summary>An organisation outside the custody chain of every lot the event names: kept and anchored as the
    /// writer's own record, never part of a lot's public story.</summary>
    ThirdParty,

    /// <summary>The event names no lot known here (a partner system's events): nothing to stand on or against.</summary>
    External,
}

public static class EventStandings
{
    public static bool IsOfRecord(this EventStanding standing) => standing != EventStanding.ThirdParty;

    public static string Name(this EventStanding standing) => standing switch
    {
        EventStanding.Custodian => "custodian",
        EventStanding.Inspector => "inspector",
        EventStanding.Regulator => "regulator",
        EventStanding.ThirdParty => "third-party",
        _ => "external",
    };

    public static EventStanding Parse(string? text) => text switch
    {
        "inspector" => EventStanding.Inspector,
        "regulator" => EventStanding.Regulator,
        "third-party" => EventStanding.ThirdParty,
        "external" => EventStanding.External,
        _ => EventStanding.Custodian,
    };
}
