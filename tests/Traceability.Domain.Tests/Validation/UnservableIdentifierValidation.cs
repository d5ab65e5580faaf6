using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

/// <summary>
/// GS1 identifiers an event may not carry because nothing could ever serve them: Digital Link lots, serials and
/// extensions outside their AI's rules (GS1 General Specifications: AI 10 and 21 are 1 to 20 characters of set 82,
/// AI 254 likewise, AI 235 up to 28), keys with a letter for a check digit, and the same in sgtin/lgtin EPC URIs.
/// </summary>
public class UnservableIdentifierValidation
{
    private const string Gtin = "09521141012345";

    private static JsonObject EventWithEpcs(params string[] epcs)
    {
        var evt = EventSamples.ObjectEvent();
        evt["epcList"] = new JsonArray([.. epcs.Select(epc => (JsonNode)epc)]);
        return evt;
    }

    [Theory]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/", "lot (AI 10) is empty")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10", "no value")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/ABCDEFGHIJKLMNOPQRSTU", "21 characters long")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/A%00B", "\\u0000")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/A%0D%0AB", "\\u000D")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/A%0AB", "\\u000A")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/A%20B", "' '")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/%E6%89%B9", "批")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/A%23B", "'#'")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/A%E9", "malformed percent-encoding")]
    [InlineData("https://example.com/shop/gtin/" + Gtin + "/lot/ABCDEFGHIJKLMNOPQRSTU?x=1", "21 characters long")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/L1/21/", "serial number (AI 21) is empty")]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/235/ABCDEFGHIJKLMNOPQRSTUVWXYZ123", "29 characters long")]
    [InlineData("https://id.gs1.org/414/9521141000007/254/A%20B", "GLN extension (AI 254)")]
    public void RejectsADigitalLinkQualifierOutsideItsAiRules(string epc, string reason)
    {
        var result = EventSamples.ValidateInDocument(EventWithEpcs(epc));
        ValidationAssert.RejectedOnlyAt(result, EventSamples.At + ".epcList[0]");
        Assert.Contains(reason, result.Errors[0].Message);
    }

    [Theory]
    [InlineData("https://id.gs1.org/414/952114100000X", "'X' for its check digit")]
    [InlineData("https://id.gs1.org/417/952114100000x", "'x' for its check digit")]
    [InlineData("https://id.gs1.org/01/0952114101234A", "'A' for its check digit")]
    [InlineData("https://id.gs1.org/00/00952114100000001A", "'A' for its check digit")]
    [InlineData("https://id.gs1.org/01/0952114101X345", "must be all digits")]
    public void RejectsAKeyWithoutADigitForItsCheckDigit(string epc, string reason)
    {
        var result = EventSamples.ValidateInDocument(EventWithEpcs(epc));
        ValidationAssert.RejectedOnlyAt(result, EventSamples.At + ".epcList[0]");
        Assert.Contains(reason, result.Errors[0].Message);
    }

    [Fact]
    public void RejectsALocationGlnWithALetterForItsCheckDigit()
    {
        var evt = EventSamples.ObjectEvent();
        evt["bizLocation"] = new JsonObject { ["id"] = "https://id.gs1.org/414/952114100000X" };

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".bizLocation.id");
    }

    [Theory]
    [InlineData("urn:epc:class:lgtin:4012345.012345.ABCDEFGHIJKLMNOPQRSTU", "21 characters long")]
    [InlineData("urn:epc:class:lgtin:4012345.012345.", "lot of this EPC URI is empty")]
    [InlineData("urn:epc:class:lgtin:4012345.012345.A%00", "\\u0000")]
    [InlineData("urn:epc:id:sgtin:4012345.011111.A%0A", "\\u000A")]
    [InlineData("urn:epc:id:sgtin:4012345.011111.A%7E", "'~'")]
    public void RejectsAnEpcUriSerialOrLotOutsideItsAiRules(string epc, string reason)
    {
        var evt = EventSamples.ObjectEvent();
        evt["quantityList"] = new JsonArray(new JsonObject { ["epcClass"] = epc, ["quantity"] = 1 });
        evt["epcList"] = new JsonArray();
        var result = EventSamples.ValidateInDocument(epc.Contains(":class:", StringComparison.Ordinal) ? evt : EventWithEpcs(epc));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/ABCDEFGHIJKLMNOPQRST")] // 20 characters: the most AI 10 allows
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/!%22%25%26'()*+,-.%2F:;%3C=%3E%3F_")] // all set-82 punctuation
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/L1/")]              // a trailing slash
    [InlineData("https://id.gs1.org/01/" + Gtin + "/10/L1/99/any%20thing")] // an AI not judged here
    [InlineData("https://example.com/01/2024-news")]                       // not a GTIN's length: not a Digital Link
    [InlineData("https://example.com/blog/414/hello/10/")]                 // nor this
    [InlineData("https://id.gs1.org/414/9521141000007/254/1")]
    [InlineData("urn:epc:class:lgtin:4012345.012345.Lot%2F1")]
    [InlineData("urn:epc:id:sgtin:4012345.011111.O'Neil;1=2")]
    public void AcceptsIdentifiersWithinTheRules(string epc)
    {
        var evt = epc.Contains(":class:", StringComparison.Ordinal) ? EventSamples.ObjectEvent() : EventWithEpcs(epc);
        if (epc.Contains(":class:", StringComparison.Ordinal))
            evt["quantityList"] = new JsonArray(new JsonObject { ["epcClass"] = epc, ["quantity"] = 1 });
        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }
}
