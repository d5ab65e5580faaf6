using Traceability.Domain.Epcis.Query;
using static Traceability.Domain.Tests.Query.QueryEvents;

namespace Traceability.Domain.Tests.Query;

/// <summary>The fixed-name parameters of the EPCIS query language, each against an event it selects and one it does not.</summary>
public sealed class StandardParametersMatch
{
    [Theory]
    [InlineData("eventType", "ObjectEvent", true)]
    [InlineData("eventType", "TransformationEvent", false)]
    [InlineData("EQ_action", "OBSERVE", true)]
    [InlineData("EQ_action", "ADD|DELETE", false)]
    [InlineData("EQ_bizStep", "shipping", true)]
    [InlineData("EQ_bizStep", "urn:epcglobal:cbv:bizstep:shipping", true)]
    [InlineData("EQ_bizStep", "https://ref.gs1.org/cbv/BizStep-shipping", true)]
    [InlineData("EQ_bizStep", "receiving", false)]
    [InlineData("EQ_disposition", "in_transit", true)]
    [InlineData("EQ_persistentDisposition_set", "completeness_verified", true)]
    [InlineData("EQ_persistentDisposition_unset", "completeness_verified", false)]
    [InlineData("EQ_readPoint", "https://id.gs1.org/414/6901234000016/254/0", false)]
    [InlineData("EQ_readPoint", "urn:epc:id:sgln:6901234.00001.0", true)]
    [InlineData("WD_bizLocation", "urn:epc:id:sgln:6901234.00001.0", true)]
    [InlineData("MATCH_epc", "https://id.gs1.org/01/06901234100037/21/1001", true)]
    [InlineData("MATCH_epc", "urn:epc:idpat:sgtin:6901234.010003.*", true)]
    [InlineData("MATCH_epc", "urn:epc:idpat:sgtin:6901234.010004.*", false)]
    [InlineData("MATCH_parentID", "urn:epc:id:sgtin:6901234.010003.1001", false)]
    [InlineData("MATCH_anyEPC", "urn:epc:id:sgtin:6901234.010003.1001", true)]
    [InlineData("MATCH_epcClass", "https://id.gs1.org/01/06901234100037/10/LSF-1", true)]
    [InlineData("MATCH_anyEPCClass", "urn:epc:idpat:sgtin:6901234.010003.*", true)]
    [InlineData("MATCH_inputEPCClass", "urn:epc:class:lgtin:6901234.010003.LSF-1", false)]
    [InlineData("EQ_quantity", "120", true)]
    [InlineData("GT_quantity", "120", false)]
    [InlineData("GE_quantity_KGM", "100", true)]
    [InlineData("LE_quantity_LBR", "1000", false)]
    [InlineData("GE_eventTime", "2026-11-20T02:00:00Z", true)]
    [InlineData("LT_eventTime", "2026-11-20T02:00:00Z", false)]
    [InlineData("GE_recordTime", "2026-11-20T08:00:00Z", true)]
    [InlineData("LT_recordTime", "2026-11-20T08:00:00Z", false)]
    [InlineData("EQ_eventID", "ni:///sha-256;ship?ver=CBV2.0", true)]
    [InlineData("EXISTS_errorDeclaration", "", true)]
    [InlineData("GE_errorDeclarationTime", "2026-11-22T00:00:00Z", false)]
    [InlineData("EQ_errorReason", "urn:epcglobal:cbv:er:incorrect_data", true)]
    [InlineData("EQ_correctiveEventID", "urn:uuid:1", true)]
    [InlineData("EQ_bizTransaction_po", "urn:epcglobal:cbv:bt:6901234000014:PO-778", true)]
    [InlineData("EQ_bizTransaction_inv", "urn:epcglobal:cbv:bt:6901234000014:PO-778", false)]
    [InlineData("EQ_destination_owning_party", "urn:epc:id:pgln:6901234.00002", true)]
    [InlineData("EQ_source_owning_party", "urn:epc:id:pgln:6901234.00002", false)]
    public void AParameterSelectsTheEventsItNames(string name, string value, bool selected)
    {
        Assert.Equal(selected, Parse((name, value)).Matches(Shipment));
    }

    [Fact]
    public void AnEventWithoutTheFieldIsNotSelected()
    {
        Assert.False(Parse(("EXISTS_errorDeclaration", "")).Matches(Commissioning));
        Assert.False(Parse(("EQ_disposition", "in_transit")).Matches(Commissioning));
        Assert.True(Parse(("EXISTS_errorDeclaration", "false")).Matches(Commissioning));
    }

    [Fact]
    public void StoreFiltersAreGivenInTheFormsTheStoreKeeps()
    {
        var query = Parse(("EQ_bizStep", "shipping"), ("MATCH_anyEPC", "urn:epc:id:sgtin:6901234.010003.1001"),
            ("EQ_bizLocation", "urn:epc:id:sgln:6901234.00001.0"), ("MATCH_epcClass", "urn:epc:idpat:sgtin:6901234.010003.*"));

        Assert.Equal(["https://ref.gs1.org/cbv/BizStep-shipping"], query.BizSteps);
        Assert.Equal(["https://id.gs1.org/01/06901234100037/21/1001"], query.AnyEpcs);
        Assert.Equal(["https://id.gs1.org/414/6901234000016"], query.BizLocations);
        Assert.Empty(query.EpcClasses); // a pattern cannot be looked up: it is only checked
    }

    [Fact]
    public void OrderingDefaultsToDescendingOnceOrderByIsGiven()
    {
        Assert.True(Parse(("orderBy", "eventTime")).Descending);
        Assert.False(Parse(("orderBy", "recordTime"), ("orderDirection", "ASC")).Descending);
        Assert.Equal(QueryOrder.RecordTime, Parse(("orderBy", "recordTime"), ("eventCountLimit", "3")).OrderBy);
        Assert.Equal(3, Parse(("orderBy", "eventTime"), ("eventCountLimit", "3")).EventCountLimit);
    }
}
