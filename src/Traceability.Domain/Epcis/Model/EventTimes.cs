namespace Traceability.Domain.Epcis.Model;

/// <summary>Showing an event's time where it happened, for every time that can be stored.</summary>
public static class EventTimes
{
    /// <summary>
    /// The time at <paramref name="offset"/>; in UTC when that would fall outside the years 0001–9999 (capture refuses
    /// such events now, but a store may hold older ones, and a page must never fail on them).
    /// </summary>
    public static DateTimeOffset InZone(this DateTimeOffset time, TimeSpan offset)
    {
        var local = time.UtcTicks + offset.Ticks;
        return local < DateTime.MinValue.Ticks || local > DateTime.MaxValue.Ticks ? time.ToUniversalTime() : time.ToOffset(offset);
    }
}
