using System.Text.Json.Nodes;

namespace Traceability.Domain.Tests.Validation;

public class TransactionEventRules
{
    [Fact]
    public void AcceptsTheSample() => ValidationAssert.Valid(EventSamples.ValidateInDocument(EventSamples.TransactionEvent()));

    [Fact]
    public void RejectsTransactionEventWithoutBizTransactionList()
    {
        var evt = EventSamples.TransactionEvent();
        evt.Remove("bizTransactionList");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".bizTransactionList");
    }

    [Fact]
    public void RejectsEmptyBizTransactionList()
    {
        var evt = EventSamples.TransactionEvent();
        evt["bizTransactionList"] = new JsonArray();

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".bizTransactionList");
    }

    [Fact]
    public void RejectsBizTransactionWithoutItsUri()
    {
        var evt = EventSamples.TransactionEvent();
        evt["bizTransactionList"] = new JsonArray(new JsonObject { ["type"] = "po" });

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".bizTransactionList[0].bizTransaction");
    }

    [Fact]
    public void RejectsExtraFieldsInBizTransaction()
    {
        var evt = EventSamples.TransactionEvent();
        evt["bizTransactionList"]![0]!["ex:note"] = "not here";

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".bizTransactionList[0].ex:note");
    }

    [Fact]
    public void RejectsAddWithoutEpcsOrQuantities()
    {
        var evt = EventSamples.TransactionEvent();
        evt.Remove("quantityList");

        ValidationAssert.RejectedOnlyAt(EventSamples.ValidateInDocument(evt), EventSamples.At + ".epcList");
    }

    [Fact]
    public void AcceptsDeleteWithoutEpcsAsDissociatingAll()
    {
        var evt = EventSamples.TransactionEvent();
        evt["action"] = "DELETE";
        evt.Remove("quantityList");

        ValidationAssert.Valid(EventSamples.ValidateInDocument(evt));
    }
}
