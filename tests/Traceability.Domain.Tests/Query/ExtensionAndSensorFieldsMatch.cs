using static Traceability.Domain.Tests.Query.QueryEvents;

namespace Traceability.Domain.Tests.Query;

/// <summary>Flexible-name parameters: user extension fields by IRI wherever the binding puts them, and sensor data.</summary>
public sealed class ExtensionAndSensorFieldsMatch
{
    [Theory]
    [InlineData("EQ_ex:temperature", "4.5", true)]
    [InlineData("EQ_ex:temperature", "4.50|9", true)]
    [InlineData("GT_ex:temperature", "4", true)]
    [InlineData("LT_ex:temperature", "4", false)]
    [InlineData("GE_ex:dispatched", "2026-11-20T09:30:00Z", true)]
    [InlineData("LT_ex:dispatched", "2026-11-20T09:30:00Z", false)]
    [InlineData("EXISTS_ex:carrier", "", true)]
    [InlineData("EXISTS_ex:absent", "", false)]
    [InlineData("EQ_ex:name", "Cold Chain Co", false)]
    [InlineData("EQ_INNER_ex:name", "Cold Chain Co", true)]
    [InlineData("EQ_INNER_ex:number", "GX-1", true)]
    [InlineData("EQ_ERROR_DECLARATION_ex:note", "typo", true)]
    [InlineData("EQ_bizLocation_ex:dock", "7", true)]
    [InlineData("EQ_readPoint_ex:dock", "7", false)]
    [InlineData("EQ_SENSORMETADATA_ex:calibrated", "true", true)]
    [InlineData("EXISTS_SENSORREPORT_ex:calibrated", "", false)]
    [InlineData("EQ_type", "Temperature", true)]
    [InlineData("EQ_type", "gs1:Temperature", true)]
    [InlineData("EQ_type", "RelativeHumidity", false)]
    [InlineData("EQ_deviceID", "urn:epc:id:giai:6901234.77", true)]
    [InlineData("GE_value_CEL", "3", true)]
    [InlineData("GE_value_FAH", "3", false)]
    [InlineData("LT_value_CEL", "3", false)]
    [InlineData("EQ_value_CEL", "3.5", true)]
    [InlineData("GE_percRank", "50", true)]
    [InlineData("GE_time", "2026-11-20T09:00:00Z", true)]
    [InlineData("LT_time", "2026-11-20T09:00:00Z", false)]
    [InlineData("EXISTS_sensorElementList", "", true)]
    public void AFieldParameterSelectsTheEventsThatHaveIt(string name, string value, bool selected)
    {
        Assert.Equal(selected, Parse((name, value)).Matches(Shipment));
    }

    [Fact]
    public void AFieldIsMatchedByItsIriWhateverPrefixTheEventUsed()
    {
        // The commissioning event calls the same namespace "other"; the query says "ex".
        Assert.True(Parse(("EQ_ex:temperature", "9")).Matches(Commissioning));
        Assert.True(Parse(("GE_ILMD_ex:batchSize", "500")).Matches(Commissioning));
        Assert.True(Parse(("EQ_INNER_ILMD_ex:line", "L2")).Matches(Commissioning));
        Assert.True(Parse(("EQ_ILMD_cbvmda:bestBeforeDate", "2027-05-12")).Matches(Commissioning));
        Assert.False(Parse(("EQ_ILMD_ex:batchSize", "500")).Matches(Shipment));
    }

    [Fact]
    public void AnUndeclaredPrefixMatchesKeysWrittenExactlySo()
    {
        Assert.True(Parse(("EQ_other:temperature", "9")).Matches(Commissioning));
        Assert.False(Parse(("EQ_other:temperature", "9")).Matches(Shipment));
    }
}
