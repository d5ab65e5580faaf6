using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Validation;

public class SampleDocumentAcceptance
{
    public static TheoryData<string> CaptureDocuments => new(ValidationData.FileNames("epcis-capture/valid", "*.json")
        .Where(file => !file.StartsWith("single-event_", StringComparison.Ordinal)));

    public static TheoryData<string> StandaloneEvents => new(ValidationData.FileNames("epcis-capture/valid", "single-event_*.json"));

    public static TheoryData<string> EventHashExamples => new(ValidationData.FileNames("epcis-event-hash", "*.jsonld"));

    [Theory]
    [MemberData(nameof(CaptureDocuments))]
    public void AcceptsEveryValidCaptureDocument(string file) =>
        ValidationAssert.Valid(EpcisValidator.ValidateDocument(ValidationData.Load("epcis-capture", "valid", file)));

    [Theory]
    [MemberData(nameof(StandaloneEvents))]
    public void AcceptsEveryValidStandaloneEvent(string file) =>
        ValidationAssert.Valid(EpcisValidator.ValidateEvent(ValidationData.Load("epcis-capture", "valid", file)));

    [Theory]
    [MemberData(nameof(EventHashExamples))]
    public void AcceptsEveryEventHashExampleDocument(string file) =>
        ValidationAssert.Valid(EpcisValidator.ValidateDocument(ValidationData.Load("epcis-event-hash", file)));

    [Fact]
    public void FindsTheSampleFolders()
    {
        // Guards the theories above against silently running over empty folders.
        Assert.True(CaptureDocuments.Count >= 30);
        Assert.Equal(5, StandaloneEvents.Count);
        Assert.True(EventHashExamples.Count >= 10);
    }

}
