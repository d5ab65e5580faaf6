using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>What the single pass over an event learnt that the cross-field rules need.</summary>
internal struct EventFacts(EventType type)
{
    public readonly EventType Type = type;

    /// <summary>Bit set of the standard fields present (see <see cref="EventFields.Bit"/>).</summary>
    public uint Present;

    /// <summary>The action when present and valid.</summary>
    public EventAction? Action;

    private int epcs, quantities, childEpcs, childQuantities, inputEpcs, inputQuantities, outputEpcs, outputQuantities;
    private int bizTransactions, sensorElements;

    public readonly bool Has(EventField field) => (Present & EventFields.Bit(field)) != 0;

    public readonly int Count(EventField field) => field switch
    {
        EventField.EpcList => epcs,
        EventField.QuantityList => quantities,
        EventField.ChildEpcs => childEpcs,
        EventField.ChildQuantityList => childQuantities,
        EventField.InputEpcList => inputEpcs,
        EventField.InputQuantityList => inputQuantities,
        EventField.OutputEpcList => outputEpcs,
        EventField.OutputQuantityList => outputQuantities,
        EventField.BizTransactionList => bizTransactions,
        EventField.SensorElementList => sensorElements,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public void SetCount(EventField field, int count)
    {
        switch (field)
        {
            case EventField.EpcList: epcs = count; break;
            case EventField.QuantityList: quantities = count; break;
            case EventField.ChildEpcs: childEpcs = count; break;
            case EventField.ChildQuantityList: childQuantities = count; break;
            case EventField.InputEpcList: inputEpcs = count; break;
            case EventField.InputQuantityList: inputQuantities = count; break;
            case EventField.OutputEpcList: outputEpcs = count; break;
            case EventField.OutputQuantityList: outputQuantities = count; break;
            case EventField.BizTransactionList: bizTransactions = count; break;
            case EventField.SensorElementList: sensorElements = count; break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }
    }
}
