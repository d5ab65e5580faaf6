using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Validation;

public class DocumentEventLimit
{
    private static JsonObject DocumentWith(int eventCount)
    {
        var sample = EventSamples.ObjectEvent();
        return EventSamples.InDocument([.. Enumerable.Range(0, eventCount).Select(_ => sample.DeepClone().AsObject())]);
    }

    [Fact]
    public void DefaultsToTenThousandEvents() => Assert.Equal(10_000, EpcisValidator.MaxEventsPerDocument);

    [Fact]
    public void AcceptsDocumentAtTheLimit() => ValidationAssert.Valid(EpcisValidator.ValidateDocument(DocumentWith(3), maxEvents: 3));

    [Fact]
    public void RejectsDocumentOverTheLimitWithAClearError()
    {
        var result = EpcisValidator.ValidateDocument(DocumentWith(4), maxEvents: 3);

        ValidationAssert.RejectedOnlyAt(result, "$.epcisBody.eventList");
        Assert.Contains("at most 3", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsTenThousandAndOneEventsByDefault() =>
        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(DocumentWith(10_001)), "$.epcisBody.eventList");
}
