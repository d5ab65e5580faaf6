using CsCheck;
using Traceability.Domain.Gs1;

namespace Traceability.Domain.Tests.Gs1;

public class GtinCheckDigit
{
    [Theory]
    [InlineData("0950600013435", '2')]
    [InlineData("0401234511111", '8')]
    [InlineData("1061414107346", '4')]
    [InlineData("9638507", '4')]
    public void ComputesTheCheckDigitOfKnownGtins(string withoutCheck, char expected) =>
        Assert.Equal(expected, Gtin.ComputeCheckDigit(withoutCheck));

    [Fact]
    public void RejectsWrongCheckDigitNamingBothDigits()
    {
        var error = Assert.Throws<FormatException>(() => Gtin.Parse("09506000134353"));

        Assert.Equal("GTIN 09506000134353 has check digit 3, expected 2", error.Message);
    }

    [Fact]
    public void AnyThirteenDigitsWithTheirComputedCheckDigitParse() =>
        Gs1Gens.Digits13.Sample(digits => Gtin.TryParse(digits + Gtin.ComputeCheckDigit(digits), out _));

    [Fact]
    public void ChangingAnyOneDigitOfAValidGtinMakesItInvalid() =>
        Gen.Select(Gs1Gens.Gtin, Gen.Int[0, 13], Gen.Int[1, 9]).Sample((gtin, position, delta) =>
        {
            var digits = gtin.Value.ToCharArray();
            digits[position] = (char)('0' + (digits[position] - '0' + delta) % 10);
            return !Gtin.TryParse(new string(digits), out _);
        });

    [Fact]
    public void RejectsNonDigitsInTheDigitsToCheck() =>
        Assert.Throws<FormatException>(() => Gtin.ComputeCheckDigit("09506000134X5"));
}
