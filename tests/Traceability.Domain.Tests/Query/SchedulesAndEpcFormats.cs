using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Query;

namespace Traceability.Domain.Tests.Query;

/// <summary>Subscription schedules (cron-like, UTC) and GS1-EPC-Format rewriting, which keeps every event's id.</summary>
public sealed class SchedulesAndEpcFormats
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 17, 42, TimeSpan.Zero);

    private static QuerySchedule Schedule(params (string, string)[] fields)
    {
        var errors = new List<FieldError>();
        var schedule = QuerySchedule.Parse(fields.ToDictionary(f => f.Item1, f => f.Item2), "schedule.", errors);
        Assert.Empty(errors);
        return schedule;
    }

    [Fact]
    public void AnHourAndMinuteRunDailyAtThatTime()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 1, 5, 0, TimeSpan.Zero), Schedule(("hour", "1"), ("minute", "5")).Next(Now));
    }

    [Fact]
    public void AMinuteAloneRunsHourlyAndSecondsAloneEveryMinute()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 11, 5, 0, TimeSpan.Zero), Schedule(("minute", "5")).Next(Now));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 18, 0, TimeSpan.Zero), Schedule(("second", "0,30")).Next(Now));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 17, 45, TimeSpan.Zero), Schedule(("second", "[45-50]")).Next(Now));
    }

    [Fact]
    public void DaysOfTheWeekCountFromMonday()
    {
        // 2026-11-20 is a Friday; the next Monday is the 23rd.
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), Schedule(("dayOfWeek", "1")).Next(Now));
    }

    [Theory]
    [InlineData("minute", "60")]
    [InlineData("hour", "[5-2]")]
    [InlineData("second", "x")]
    [InlineData("week", "1")]
    public void BadSchedulesNameTheField(string field, string value)
    {
        var errors = new List<FieldError>();
        QuerySchedule.Parse(new Dictionary<string, string> { [field] = value }, "schedule.", errors);
        Assert.Contains(errors, e => e.Path == "schedule." + field);
    }

    private static JsonObject Event() => JsonNode.Parse("""
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "ObjectEvent",
         "eventTime": "2026-11-20T10:00:00Z", "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
         "epcList": ["urn:epc:id:sgtin:6901234.010003.1001", "https://id.gs1.org/01/09521234543213/21/7"],
         "quantityList": [{"epcClass": "https://id.gs1.org/01/06901234100037/10/LSF-1"}],
         "bizLocation": {"id": "urn:epc:id:sgln:6901234.00001.0"}}
        """)!.AsObject();

    [Fact]
    public void DigitalLinksAreWrittenForEveryUrnAndTheIdStays()
    {
        var evt = Event();
        var before = EventHash.ComputeId(evt);

        EpcFormats.Apply(evt, EpcFormat.AlwaysGs1DigitalLink, _ => null);

        Assert.Equal("https://id.gs1.org/01/06901234100037/21/1001", evt["epcList"]![0]!.GetValue<string>());
        Assert.Equal("https://id.gs1.org/414/6901234000016", evt["bizLocation"]!["id"]!.GetValue<string>());
        Assert.Equal(before, EventHash.ComputeId(evt));
    }

    [Fact]
    public void UrnsAreWrittenWhereTheCompanyPrefixIsKnown()
    {
        var evt = Event();
        var before = EventHash.ComputeId(evt);

        EpcFormats.Apply(evt, EpcFormat.AlwaysEpcUrn, key => key.StartsWith("6901234", StringComparison.Ordinal) ? 7 : null);

        Assert.Equal("urn:epc:id:sgtin:6901234.010003.1001", evt["epcList"]![0]!.GetValue<string>());
        Assert.Equal("https://id.gs1.org/01/09521234543213/21/7", evt["epcList"]![1]!.GetValue<string>()); // prefix unknown
        Assert.Equal("urn:epc:class:lgtin:6901234.010003.LSF-1", evt["quantityList"]![0]!["epcClass"]!.GetValue<string>());
        Assert.Equal(before, EventHash.ComputeId(evt));
    }
}
