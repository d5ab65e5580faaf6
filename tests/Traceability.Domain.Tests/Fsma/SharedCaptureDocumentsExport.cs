using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.Hashing;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;
using Traceability.Domain.Fsma;
using Traceability.Domain.Tests.Validation;
using Traceability.Testing;

namespace Traceability.Domain.Tests.Fsma;

/// <summary>The export over the real EPCIS 2.0 documents of the shared capture test data.</summary>
public class SharedCaptureDocumentsExport
{
    private static IReadOnlyList<RecordedEvent> SharedEvents() =>
        ValidationData.FileNames("epcis-capture/valid", "*.json")
            .Select(name => ValidationData.Load("epcis-capture", "valid", name))
            .Where(doc => EpcisValidator.ValidateDocument(doc).IsValid || EpcisValidator.ValidateEvent(doc).IsValid)
            .SelectMany(doc => EpcisEvents.Read(doc))
            .Select(e => new RecordedEvent(EpcisEvent.FromJson(e.Event), "Shared data", EventId: EventHash.ComputeId(e.Event, e.Document)))
            .ToList();

    private static IReadOnlyList<Fsma204Row> Rows() => Fsma204Export.Rows(SharedEvents(), _ => null);

    [Fact]
    public void ExportsALotLevelReceiptFromADigitalLinkDocument()
    {
        var row = Assert.Single(Rows(), r => r.TraceabilityLotCode == "(01)70614141123451(10)998877");

        Assert.Equal(CriticalTrackingEvent.Receiving, row.Event);
    }

    [Fact]
    public void ExportsLotsNamedByEpcClassUrns() =>
        Assert.Contains(Rows(), r => r.TraceabilityLotCode == "(01)04012345123456(10)998877" && r.Event == CriticalTrackingEvent.Receiving);

    [Fact]
    public void ExportsTheCommissionedLotAsHarvested()
    {
        var row = Assert.Single(Rows(), r => r.TraceabilityLotCode == "(01)04023333020008(10)2019-10-07");

        Assert.Equal(CriticalTrackingEvent.Harvesting, row.Event);
    }

    [Fact]
    public void EveryRowHasALotCodeADateAndAnEventId() =>
        Assert.All(Rows(), r =>
        {
            Assert.Matches(@"^\(01\)\d{14}\(10\).+$", r.TraceabilityLotCode);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r.Date);
            Assert.StartsWith("ni:///sha-256;", r.EventId);
        });

    [Fact]
    public void EveryLotOfEveryShippingOrReceivingEventHasARow()
    {
        var rows = Rows();
        var expected = SharedEvents()
            .Where(r => !r.Event.HasErrorDeclaration && r.Event.Type != EventType.AssociationEvent
                && r.Event.BizStep is { } step && Cbv.ShortName(step) is "shipping" or "receiving")
            .SelectMany(r => r.Event.EpcList.Concat(r.Event.ChildEpcs)
                .Concat(r.Event.QuantityList.Concat(r.Event.ChildQuantityList).Select(q => q.EpcClass))
                .Select(Domain.Custody.Identifiers.LotPath).OfType<string>().Distinct()
                .Select(lot => (Fsma204Export.TraceabilityLotCode(lot), r.EventId!)))
            .ToList();

        Assert.NotEmpty(expected);
        Assert.All(expected, e => Assert.Contains(rows, r => r.TraceabilityLotCode == e.Item1 && r.EventId == e.Item2));
    }

    [Fact]
    public void LeavesOutEventsDeclaredErroneous()
    {
        var erroneous = SharedEvents().Where(r => r.Event.HasErrorDeclaration).Select(r => r.EventId).ToHashSet();

        Assert.NotEmpty(erroneous);
        Assert.DoesNotContain(Rows(), r => erroneous.Contains(r.EventId));
    }

    [Fact]
    public void WritesThemAllAsCsvThatReadsBack()
    {
        using var writer = new StringWriter();
        Fsma204Export.WriteCsv(Rows(), writer);

        var records = CsvParser.Parse(writer.ToString());

        Assert.Equal(Rows().Count + 1, records.Count);
    }
}
