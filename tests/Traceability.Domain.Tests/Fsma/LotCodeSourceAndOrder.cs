using Traceability.Domain.Fsma;

namespace Traceability.Domain.Tests.Fsma;

public class LotCodeSourceAndOrder
{
    [Fact]
    public void TheLotCodeSourceIsWhereTheLotWasCreated()
    {
        var rows = Fsma204Export.Rows(FsmaSamples.Chain(), FsmaSamples.Products, FsmaSamples.Places);

        Assert.All(rows.Where(r => r.TraceabilityLotCode.EndsWith("(10)L-0601", StringComparison.Ordinal)),
            r =>
            {
                Assert.Equal("Green Valley Farm, Salinas CA (GLN 9506000000015)", r.TraceabilityLotCodeSource);
                Assert.Equal("https://id.gs1.org/414/9506000000015", r.TraceabilityLotCodeSourceReference);
            });
    }

    [Fact]
    public void TheLotCodeSourceIsLeftBlankWhenTheLotsCreationIsNotAmongTheEvents() =>
        Assert.Equal("", Assert.Single(Fsma204Export.Rows([FsmaSamples.Receipt()], FsmaSamples.Products)).TraceabilityLotCodeSource);

    [Fact]
    public void SortsByLotCodeThenDateThenEventId()
    {
        var chain = FsmaSamples.Chain();
        var rows = Fsma204Export.Rows(chain.Reverse(), FsmaSamples.Products);

        Assert.Equal(
            [
                ("(01)09506000134352(10)L-0530", CriticalTrackingEvent.Transformation, "Input"),
                ("(01)09506000134352(10)L-0601", CriticalTrackingEvent.Harvesting, ""),
                ("(01)09506000134352(10)L-0601", CriticalTrackingEvent.Shipping, ""),
                ("(01)09506000134352(10)L-0601", CriticalTrackingEvent.Receiving, ""),
                ("(01)09506000134352(10)L-0601", CriticalTrackingEvent.Transformation, "Input"),
                ("(01)09506000134369(10)S-0602A", CriticalTrackingEvent.Transformation, "Output"),
                ("(01)09506000134369(10)S-0602B", CriticalTrackingEvent.Transformation, "Output"),
            ],
            rows.Select(r => (r.TraceabilityLotCode, r.Event, r.TransformationRole)));
    }

    [Fact]
    public void OrdersEventsOfOneLotOnOneDayByEventIdWhenTimesAreEqual()
    {
        var a = FsmaSamples.Shipment() with { EventId = "b" };
        var b = FsmaSamples.Shipment() with { EventId = "a" };

        Assert.Equal(["a", "b"], Fsma204Export.Rows([a, b], FsmaSamples.Products).Select(r => r.EventId));
    }
}
