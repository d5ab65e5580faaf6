using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Tests.Validation;

public class CbvNames
{
    [Theory]
    [InlineData("https://ref.gs1.org/cbv/BizStep-shipping", "shipping")]
    [InlineData("cbv:BizStep-shipping", "shipping")]
    [InlineData("shipping", "shipping")]
    [InlineData("https://ref.gs1.org/cbv/Disp-in_transit", "in_transit")]
    [InlineData("https://ref.gs1.org/cbv/SDT-owning_party", "owning_party")]
    [InlineData("https://ref.gs1.org/cbv/BTT-po", "po")]
    [InlineData("https://example.com/steps/flying", "https://example.com/steps/flying")]
    [InlineData("https://ref.gs1.org/cbv/BizStep-flying", "https://ref.gs1.org/cbv/BizStep-flying")]
    public void ShortensCbvValuesOnly(string value, string expected) => Assert.Equal(expected, Cbv.ShortName(value));

    [Theory]
    [InlineData(CbvVocabulary.BizStep, "shipping", "https://ref.gs1.org/cbv/BizStep-shipping")]
    [InlineData(CbvVocabulary.BizStep, "cbv:BizStep-receiving", "https://ref.gs1.org/cbv/BizStep-receiving")]
    [InlineData(CbvVocabulary.Disposition, "non_conformant", "https://ref.gs1.org/cbv/Disp-non_conformant")]
    [InlineData(CbvVocabulary.SourceDestType, "owning_party", "https://ref.gs1.org/cbv/SDT-owning_party")]
    [InlineData(CbvVocabulary.BizTransactionType, "desadv", "https://ref.gs1.org/cbv/BTT-desadv")]
    [InlineData(CbvVocabulary.ErrorReason, "did_not_occur", "https://ref.gs1.org/cbv/ER-did_not_occur")]
    [InlineData(CbvVocabulary.BizStep, "in_transit", "in_transit")]
    [InlineData(CbvVocabulary.BizStep, "ex:flying", "ex:flying")]
    public void ExpandsValuesOfTheGivenVocabulary(CbvVocabulary vocabulary, string value, string expected) =>
        Assert.Equal(expected, Cbv.ToUri(vocabulary, value));

    [Fact]
    public void KnowsTheFoodRelevantBizSteps()
    {
        string[] steps = ["commissioning", "inspecting", "sampling", "shipping", "receiving", "destroying", "transporting", "repackaging"];

        Assert.All(steps, step => Assert.True(Cbv.IsCbvValue(CbvVocabulary.BizStep, step), step));
        Assert.False(Cbv.IsCbvValue(CbvVocabulary.BizStep, "transforming"));
    }
}
