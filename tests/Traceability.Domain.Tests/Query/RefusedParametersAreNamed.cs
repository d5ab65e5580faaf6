using Traceability.Domain.Epcis.Query;
using static Traceability.Domain.Tests.Query.QueryEvents;

namespace Traceability.Domain.Tests.Query;

/// <summary>QueryParameterException for names, values and combinations the query language does not allow, each named.</summary>
public sealed class RefusedParametersAreNamed
{
    [Theory]
    [InlineData("colour", "red")]
    [InlineData("EQ_action", "MOVE")]
    [InlineData("GE_eventTime", "yesterday")]
    [InlineData("GE_eventTime", "2026-11-20T10:00:00")]
    [InlineData("eventType", "Party Event")]
    [InlineData("eventCountLimit", "3")]
    [InlineData("orderBy", "ex:temperature")]
    [InlineData("orderDirection", "UP")]
    [InlineData("GT_quantity", "many")]
    [InlineData("HASATTR_ex:colour", "red")]
    [InlineData("EQATTR_urn:epcglobal:epcis:mda:site", "x")]
    [InlineData("EQ_booleanValue", "yes")]
    [InlineData("GE_value_CEL", "warm")]
    [InlineData("GT_ex:temperature", "warm")]
    [InlineData("EXISTS_errorDeclaration", "maybe")]
    [InlineData("maxEventCount", "0")]
    public void EachRefusalNamesItsParameter(string name, string value)
    {
        var error = Assert.Throws<TraceError>(() => Parse((name, value)));

        Assert.Equal(EventQueryParser.ParameterException, error.Code);
        Assert.Contains(error.Errors, e => e.Path == name || e.Path == "eventCountLimit");
    }

    [Fact]
    public void EveryBadParameterIsNamedInOneAnswer()
    {
        var error = Assert.Throws<TraceError>(() => Parse(("colour", "red"), ("EQ_action", "MOVE"), ("orderBy", "eventTime"), ("eventCountLimit", "2"), ("maxEventCount", "5")));

        Assert.Equal(["colour", "EQ_action", "maxEventCount"], error.Errors.Select(e => e.Path));
    }

    [Fact]
    public void TheJsonQueryTakesListsAsArraysAndPrefixesFromItsContext()
    {
        var query = EventQueryParser.Parse(System.Text.Json.Nodes.JsonNode.Parse("""
            {"@context": [{"mine": "https://ns.example.com/epcis/"}], "eventType": ["ObjectEvent"], "GE_mine:temperature": 4, "EXISTS_mine:carrier": null}
            """)!.AsObject(), new Dictionary<string, string>());

        Assert.True(query.Matches(Shipment));
        Assert.False(query.Matches(Commissioning)); // other:temperature is 9, but no carrier
    }
}
