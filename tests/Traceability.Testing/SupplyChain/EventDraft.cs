using System.Buffers;
using System.Text;
using System.Text.Json;
using Traceability.Domain.Custody;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Genealogy;

namespace Traceability.Testing.SupplyChain;

/// <summary>An event being generated; <see cref="Build"/> writes its EPCIS 2.0 JSON and the indexed fields.</summary>
internal sealed class EventDraft(EventType type, string? action, string bizStep)
{
    public string? Disposition { get; init; }
    public string? Location { get; init; }
    public string? Parent { get; init; }
    public List<string> EpcList { get; init; } = [];
    public List<string> ChildEpcs { get; init; } = [];
    public List<(string Class, decimal Quantity)> Quantities { get; init; } = [];
    public List<(string Class, decimal Quantity)> ChildQuantities { get; init; } = [];
    public List<(string Class, decimal Quantity)> Inputs { get; init; } = [];
    public List<(string Class, decimal Quantity)> Outputs { get; init; } = [];
    public List<string> SourceParties { get; init; } = [];
    public List<(string Type, string Id)> Destinations { get; init; } = [];

    public SupplyChainEvent Build(string eventId, DateTimeOffset time)
    {
        var instances = EpcList.Concat(ChildEpcs).Concat(Parent is null ? [] : [Parent]).Distinct().ToList();
        var classes = Quantities.Concat(ChildQuantities).Concat(Inputs).Concat(Outputs).Select(q => q.Class).Distinct().ToList();
        var lotKeys = instances.Concat(classes)
            .Select(id => Identifiers.LotPath(id) ?? Identifiers.ContainerPath(id)).OfType<string>().Distinct().ToList();
        var genealogy = new GenealogyEvent(type)
        {
            Action = action,
            BizStep = bizStep,
            BizLocation = Location,
            ParentId = Parent,
            Objects = [.. EpcList, .. Quantities.Select(q => q.Class)],
            Children = [.. ChildEpcs, .. ChildQuantities.Select(q => q.Class)],
            Inputs = [.. Inputs.Select(q => q.Class)],
            Outputs = [.. Outputs.Select(q => q.Class)],
            Sources = SourceParties,
            Destinations = [.. Destinations.Select(d => d.Id)],
        };
        return new SupplyChainEvent(eventId, type, time, bizStep, Location, instances, classes, lotKeys, genealogy, Json(eventId, time));
    }

    private string Json(string eventId, DateTimeOffset time)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", type.ToString());
            w.WriteString("eventID", eventId);
            w.WriteString("eventTime", time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz"));
            w.WriteString("eventTimeZoneOffset", time.ToString("zzz"));
            if (Parent is not null) w.WriteString("parentID", Parent);
            Strings(w, "epcList", EpcList);
            Strings(w, "childEPCs", ChildEpcs);
            if (action is not null) w.WriteString("action", action);
            w.WriteString("bizStep", bizStep);
            if (Disposition is not null) w.WriteString("disposition", Disposition);
            if (Location is not null)
            {
                w.WriteStartObject("readPoint");
                w.WriteString("id", Location);
                w.WriteEndObject();
                w.WriteStartObject("bizLocation");
                w.WriteString("id", Location);
                w.WriteEndObject();
            }
            QuantityList(w, "quantityList", Quantities);
            QuantityList(w, "childQuantityList", ChildQuantities);
            QuantityList(w, "inputQuantityList", Inputs);
            QuantityList(w, "outputQuantityList", Outputs);
            SourceDestList(w, "sourceList", "source", SourceParties.Select(p => ("owning_party", p)).ToList());
            SourceDestList(w, "destinationList", "destination", Destinations);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Strings(Utf8JsonWriter w, string name, List<string> values)
    {
        if (values.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void QuantityList(Utf8JsonWriter w, string name, List<(string Class, decimal Quantity)> values)
    {
        if (values.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var (epcClass, quantity) in values)
        {
            w.WriteStartObject();
            w.WriteString("epcClass", epcClass);
            w.WriteNumber("quantity", quantity);
            w.WriteString("uom", "KGM");
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void SourceDestList(Utf8JsonWriter w, string name, string idName, List<(string Type, string Id)> values)
    {
        if (values.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var (t, id) in values)
        {
            w.WriteStartObject();
            w.WriteString("type", t);
            w.WriteString(idName, id);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
