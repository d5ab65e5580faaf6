using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.JsonLd;

namespace Traceability.Domain.Tests.JsonLd;

/// <summary>Every form JSON-LD 1.1 allows for a term definition resolves to the same IRI in the one resolver.</summary>
public class TermDefinitionForms
{
    private const string Ns = "https://example.com/ns#";

    private static JsonLdContext Read(string context, List<string>? errors = null) =>
        JsonLdContext.Epcis.With(JsonNode.Parse(context), "$.@context", (path, message) => errors?.Add($"{path}: {message}"));

    [Theory]
    [InlineData("""{ "ex": "https://example.com/ns#" }""")]
    [InlineData("""{ "ex": { "@id": "https://example.com/ns#" } }""")]
    [InlineData("""{ "ex": { "@id": "https://example.com/ns#", "@prefix": true } }""")]
    [InlineData("""[{ "base": "https://example.com/" }, { "ex": "base:ns#" }]""")]
    [InlineData("""{ "ex": "base:ns#", "base": "https://example.com/" }""")]
    [InlineData("""{ "@vocab": "https://example.com/", "ex": { "@id": "ns#" } }""")]
    [InlineData("""["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", { "other": "https://other.example/" }, { "ex": "https://example.com/ns#" }]""")]
    [InlineData("""{ "ex": { "@reverse": "https://example.com/ns#" } }""")]
    public void APrefixInAnyFormExpandsCompactNames(string context)
    {
        var errors = new List<string>();
        var scope = Read(context, errors);

        Assert.Empty(errors);
        Assert.Equal(Ns + "field", scope.ExpandName("ex:field"));
        Assert.True(scope.IsDeclaredPrefix("ex"));
    }

    [Fact]
    public void AnExplicitNonPrefixIsNoPrefix()
    {
        var scope = Read("""{ "ex": { "@id": "https://example.com/ns#", "@prefix": false } }""");

        Assert.False(scope.IsDeclaredPrefix("ex"));
        Assert.Equal("ex:field", scope.ExpandName("ex:field")); // read as an IRI of scheme "ex", not the namespace
    }

    [Fact]
    public void TheVocabularyExpandsUnprefixedNames()
    {
        var scope = Read("""{ "@vocab": "https://example.com/ns#" }""");

        Assert.Equal(Ns + "temperature", scope.ExpandName("temperature"));
        Assert.Equal(Ns, scope.Vocab);
    }

    [Fact]
    public void ATermMapsToItsIri()
    {
        var scope = Read("""{ "verdict": "https://example.com/ns#verdict", "id": "@id" }""");

        Assert.Equal(Ns + "verdict", scope.ExpandName("verdict"));
        Assert.Null(scope.ExpandName("id")); // a keyword alias names no IRI
    }

    [Fact]
    public void LaterDefinitionsWinAndNullUnmaps()
    {
        var redefined = Read("""[{ "ex": "https://old.example/" }, { "ex": "https://example.com/ns#" }]""");
        var unmapped = Read("""[{ "ex": "https://example.com/ns#" }, { "ex": null }]""");

        Assert.Equal(Ns + "a", redefined.ExpandName("ex:a"));
        Assert.False(unmapped.IsDeclaredPrefix("ex"));
    }

    [Fact]
    public void ANullContextClearsWhatCameBefore()
    {
        var scope = Read("""[{ "ex": "https://example.com/ns#" }, null, { "other": "https://other.example/" }]""");

        Assert.False(scope.IsDeclaredPrefix("ex"));
        Assert.False(scope.IncludesEpcisContext);
        Assert.True(scope.IsDeclaredPrefix("other"));
    }

    [Fact]
    public void AnUnknownRemoteContextOrImportOpensTheScope()
    {
        Assert.True(Read("""["https://example.com/context.jsonld"]""").IsOpen);
        Assert.True(Read("""{ "@import": "https://example.com/context.jsonld" }""").IsOpen);
        Assert.False(Read("""{ "ex": "https://example.com/ns#" }""").IsOpen);
    }

    [Fact]
    public void ATermScopedContextAppliesToItsValues()
    {
        var scope = Read("""{ "outer": { "@id": "https://example.com/outer", "@context": { "in": "https://example.com/ns#" } } }""");

        Assert.False(scope.IsDeclaredPrefix("in"));
        Assert.Equal(Ns + "x", scope.ForProperty("outer").ExpandName("in:x"));
    }

    [Fact]
    public void AnEmbeddedContextAppliesInsideItsObject()
    {
        var node = JsonNode.Parse("""{ "@context": { "in": "https://example.com/ns#" }, "in:x": 1 }""")!.AsObject();

        Assert.Equal(Ns + "x", JsonLdContext.Epcis.ForNode(node).ExpandName("in:x"));
    }

    [Fact]
    public void MapsIntoFindsANamespaceHiddenInAnyForm()
    {
        Assert.True(Read("""{ "a": { "@id": "https://example.com/ns#" } }""").MapsInto("https://example.com/"));
        Assert.True(Read("""{ "@vocab": "https://example.com/ns#" }""").MapsInto("https://example.com/"));
        Assert.True(Read("""{ "t": { "@id": "https://x.example/t", "@context": { "deep": "https://example.com/ns#" } } }""").MapsInto("https://example.com/"));
        Assert.True(Read("""{ "base": "https://example.com/", "lb": "base:ns#" }""").MapsInto("https://example.com/ns"));
        Assert.False(Read("""{ "ex": "https://other.example/" }""").MapsInto("https://example.com/"));
    }

    [Theory]
    [InlineData("""{ "ex": 5 }""")]
    [InlineData("""{ "ex": { "@id": 5 } }""")]
    [InlineData("""{ "ex": { "@id": "https://example.com/", "@prefix": "yes" } }""")]
    [InlineData("""{ "a": "b:x", "b": "a:y" }""")]
    [InlineData("""{ "@version": 1.0 }""")]
    [InlineData("""["relative/context.jsonld"]""")]
    [InlineData("""[5]""")]
    [InlineData("""[[{ "ex": "https://example.com/ns#" }]]""")]
    public void MalformedDefinitionsAreReported(string context)
    {
        var errors = new List<string>();
        Read(context, errors);

        Assert.NotEmpty(errors);
    }
}
