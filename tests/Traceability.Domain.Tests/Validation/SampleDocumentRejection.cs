using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Tests.Validation;

public class SampleDocumentRejection
{
    public static TheoryData<string> InvalidDocuments => new(ValidationData.FileNames("epcis-capture/invalid", "*.json"));

    public static TheoryData<string, string> ExpectedErrorPaths => new()
    {
        { "EPCISDocument_without_context.json", "$.@context" },
        { "ObjectEvent_with_invalid_action.json", "$.epcisBody.eventList[0].action" },
        { "ObjectEvent_with_invalid_eventTime_format.json", "$.epcisBody.eventList[0].eventTime" },
        { "ObjectEvent_with_quantity_as_text.json", "$.epcisBody.eventList[0].quantityList[0].quantity" },
        { "ObjectEvent_without_identifier_list.json", "$.epcisBody.eventList[0].epcList" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void RejectsEveryInvalidCaptureDocument(string file) =>
        Assert.False(EpcisValidator.ValidateDocument(ValidationData.Load("epcis-capture", "invalid", file)).IsValid);

    [Theory]
    [MemberData(nameof(ExpectedErrorPaths))]
    public void NamesTheOffendingFieldOnly(string file, string path) =>
        ValidationAssert.RejectedOnlyAt(EpcisValidator.ValidateDocument(ValidationData.Load("epcis-capture", "invalid", file)), path);

    [Fact]
    public void ExplainsTheTextQuantity()
    {
        var result = EpcisValidator.ValidateDocument(ValidationData.Load("epcis-capture", "invalid", "ObjectEvent_with_quantity_as_text.json"));

        Assert.Contains("number", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
