namespace Traceability.Domain.Tests.Validation;

public class EventTimeValidation
{
    private const string EventTime = EventSamples.At + ".eventTime";
    private const string Offset = EventSamples.At + ".eventTimeZoneOffset";

    [Theory]
    [InlineData("2026-07-22T06:45:00Z")]
    [InlineData("2026-07-22T06:45:00.123456789-06:00")]
    [InlineData("2024-02-29T23:59:59+14:00")]
    [InlineData("2026-07-22t06:45:00z")]
    [InlineData("2026-07-22T06:45:00-00:00")]
    public void AcceptsRfc3339DateTimesWithOffset(string time)
    {
        var evt = EventSamples.ObjectEvent();
        evt["eventTime"] = time;

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }

    [Theory]
    [InlineData("22-07-2026")]
    [InlineData("2026-07-22")]
    [InlineData("2026-07-22T06:45:00")]
    [InlineData("2026-07-22 06:45:00Z")]
    [InlineData("2026-07-22T06:45Z")]
    [InlineData("2026-02-30T06:45:00Z")]
    [InlineData("2025-02-29T06:45:00Z")]
    [InlineData("2026-07-22T24:00:00Z")]
    [InlineData("2026-07-22T06:45:00.Z")]
    [InlineData("2026-07-22T06:45:00+15:00")]
    [InlineData("2026-07-22T06:45:00+0200")]
    [InlineData("0000-01-01T00:00:00Z")]
    public void RejectsMalformedEventTime(string time)
    {
        var evt = EventSamples.ObjectEvent();
        evt["eventTime"] = time;

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventTime);
    }

    [Fact]
    public void RejectsEventTimeAsNumber()
    {
        var evt = EventSamples.ObjectEvent();
        evt["eventTime"] = 1_784_695_500;

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventTime);
    }

    [Fact]
    public void RejectsMissingEventTime()
    {
        var evt = EventSamples.ObjectEvent();
        evt.Remove("eventTime");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventTime);
    }

    [Fact]
    public void RejectsMalformedRecordTime()
    {
        var evt = EventSamples.ObjectEvent();
        evt["recordTime"] = "yesterday";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".recordTime");
    }

    [Fact]
    public void RejectsMissingEventTimeZoneOffset()
    {
        var evt = EventSamples.ObjectEvent();
        evt.Remove("eventTimeZoneOffset");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), Offset);
    }

    [Theory]
    [InlineData("+2:00")]
    [InlineData("02:00")]
    [InlineData("Z")]
    [InlineData("+02:60")]
    [InlineData("+14:30")]
    [InlineData("-15:00")]
    [InlineData("+0200")]
    public void RejectsMalformedEventTimeZoneOffset(string offset)
    {
        var evt = EventSamples.ObjectEvent();
        evt["eventTimeZoneOffset"] = offset;

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), Offset);
    }

    [Theory]
    [InlineData("-14:00")]
    [InlineData("+14:00")]
    [InlineData("+05:45")]
    public void AcceptsOffsetsAtTheEdges(string offset)
    {
        var evt = EventSamples.ObjectEvent();
        evt["eventTimeZoneOffset"] = offset;

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }
}
