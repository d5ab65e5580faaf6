using System.Diagnostics;
using System.Text;
using Traceability.Domain.Epcis.Xml;

namespace Traceability.Domain.Tests.Xml;

/// <summary>Documents built to hurt the server: DTDs, entity bombs, external entities, huge values, deep nesting, floods.</summary>
public sealed class AttackDocuments
{
    private static readonly string Event = XmlSamples.ObjectEvent();

    [Fact]
    public void ADoctypeWithAnInternalEntityIsRefusedAndNothingIsExpanded()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY secret \"expanded\">]>"
            + XmlSamples.Document(XmlSamples.ObjectEvent("<ex:note xmlns:ex=\"urn:ex:\">&secret;</ex:note>"));

        var result = XmlSamples.Read(xml);

        Assert.Null(result.Json);
        var error = Assert.Single(result.Validation.Errors);
        Assert.Contains("XXE", error.Message);
    }

    [Fact]
    public void ABillionLaughsDocumentIsRefusedAtOnce()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
            entities.Append($"<!ENTITY lol{i} \"&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};\">");
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE lolz [{entities}]>" + XmlSamples.Document(XmlSamples.ObjectEvent("<ex:a xmlns:ex=\"urn:ex:\">&lol9;</ex:a>"));
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var result = XmlSamples.Read(xml);

        Assert.False(result.IsValid);
        Assert.Contains("DOCTYPE", Assert.Single(result.Validation.Errors).Message);
        // Refused before any expansion: a few hundred kilobytes at most, where expanding would take gigabytes.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 10_000_000);
    }

    [Theory]
    [InlineData("<!DOCTYPE d [<!ENTITY file SYSTEM \"file:///etc/passwd\">]>", "&file;")]
    [InlineData("<!DOCTYPE d SYSTEM \"http://127.0.0.1:9/evil.dtd\">", "")]
    [InlineData("<!DOCTYPE d [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/x\"> %remote;]>", "")]
    public void ExternalEntitiesAndDtdsAreNeverFetched(string doctype, string reference)
    {
        var xml = "<?xml version=\"1.0\"?>" + doctype + XmlSamples.Document(XmlSamples.ObjectEvent($"<ex:a xmlns:ex=\"urn:ex:\">{reference}</ex:a>"));

        var result = XmlSamples.Read(xml);

        Assert.Null(result.Json);
        Assert.Contains("XXE", Assert.Single(result.Validation.Errors).Message);
        Assert.DoesNotContain("root:", result.Validation.ToString());
    }

    [Fact]
    public void AnEntityReferenceWithoutADtdIsNotWellFormed()
    {
        var result = XmlSamples.Read(XmlSamples.Document(XmlSamples.ObjectEvent("<ex:a xmlns:ex=\"urn:ex:\">&undefined;</ex:a>")));

        Assert.Contains(result.Validation.Errors, e => e.Message.StartsWith("not well-formed XML", StringComparison.Ordinal));
    }

    [Fact]
    public void AHugeTextValueIsRefusedWithoutBeingHeld()
    {
        var huge = new string('x', 5_000_000);
        var xml = XmlSamples.Document(XmlSamples.ObjectEvent($"<ex:a xmlns:ex=\"urn:ex:\">{huge}</ex:a>"));

        var result = EpcisXml.Read(xml, new EpcisXmlOptions { MaxValueLength = 100_000 });

        var error = Assert.Single(result.Validation.Errors);
        Assert.Equal("/EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/ex:a[1]", error.Path);
        Assert.Contains("longer than 100000", error.Message);
    }

    [Fact]
    public void AHugeAttributeValueIsRefused()
    {
        var xml = XmlSamples.Document(XmlSamples.ObjectEvent($"<sensorElementList><sensorElement><sensorReport type=\"Temperature\" stringValue=\"{new string('y', 200_000)}\"/></sensorElement></sensorElementList>"));

        var result = EpcisXml.Read(xml, new EpcisXmlOptions { MaxValueLength = 100_000 });

        Assert.Contains(result.Validation.Errors, e => e.Path.EndsWith("sensorReport[1]/@stringValue", StringComparison.Ordinal));
    }

    [Fact]
    public void DeepNestingIsRefusedAtTheDepthLimit()
    {
        var open = string.Concat(Enumerable.Repeat("<ex:n>", 100_000));
        var close = string.Concat(Enumerable.Repeat("</ex:n>", 100_000));
        var xml = XmlSamples.Document(XmlSamples.ObjectEvent(open + close), "xmlns:ex=\"urn:ex:\"");

        var result = XmlSamples.Read(xml);

        var error = Assert.Single(result.Validation.Errors);
        Assert.Contains("nested more than 32 deep", error.Message);
        Assert.StartsWith("/EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/ex:n[1]/ex:n[1]", error.Path);
    }

    [Fact]
    public void MoreEventsThanTheLimitStopReadingWithADocumentError()
    {
        var xml = XmlSamples.Document(string.Concat(Enumerable.Repeat(Event, 5)));
        using var reader = EpcisXmlReader.Create(new StringReader(xml), new EpcisXmlOptions { MaxEvents = 3 });

        var events = reader.ReadEvents().ToList();

        Assert.Equal(3, events.Count);
        var error = Assert.Single(reader.DocumentErrors.Errors);
        Assert.Equal("/EPCISDocument/EPCISBody/EventList", error.Path);
        Assert.Contains("more than 3 events", error.Message);
    }

    [Fact]
    public void ADocumentLongerThanTheLimitIsRefused()
    {
        var xml = XmlSamples.Document(string.Concat(Enumerable.Repeat(Event, 100)));

        var result = EpcisXml.Read(xml, new EpcisXmlOptions { MaxDocumentCharacters = 10_000 });

        Assert.Contains(result.Validation.Errors, e => e.Message.Contains("longer than 10000 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<epcis:EPCISDocument xmlns:epcis=\"urn:epcglobal:epcis:xsd:2\" schemaVersion=\"2.0\" creationDate=\"2026-07-22T10:30:00Z\"><EPCISBody><EventList><ObjectEvent>")]
    [InlineData("{\"type\": \"EPCISDocument\"}")]
    public void WhatIsNotAnXmlDocumentIsRefusedWithADocumentError(string text)
    {
        var result = XmlSamples.Read(text);

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Validation.Errors);
    }
}
