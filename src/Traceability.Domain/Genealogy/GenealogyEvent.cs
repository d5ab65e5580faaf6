using Traceability.Domain.Epcis.Model;

namespace Traceability.Domain.Genealogy;

/// <summary>
/// The parts of an EPCIS event that the lot graph reads, with identifiers as sent. Built from the typed view
/// (<see cref="From(EpcisEvent)"/>) or straight from stored JSON (<see cref="FromJson(string)"/>), which skips
/// everything else and so loads a large store without building a DOM per event.
/// </summary>
public sealed record GenealogyEvent(EventType Type)
{
    public string? Action { get; init; }

    /// <summary>The bare CBV term ("shipping"), or the value as sent when it is not a CBV term.</summary>
    public string? BizStep { get; init; }

    public string? BizLocation { get; init; }
    public string? ParentId { get; init; }

    /// <summary>epcList, then the epcClass of every quantityList element.</summary>
    public IReadOnlyList<string> Objects { get; init; } = [];

    /// <summary>childEPCs, then the epcClass of every childQuantityList element.</summary>
    public IReadOnlyList<string> Children { get; init; } = [];

    /// <summary>inputEPCList, then the epcClass of every inputQuantityList element.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>outputEPCList, then the epcClass of every outputQuantityList element.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>The ids of the sourceList (any source type).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The ids of the destinationList (any destination type).</summary>
    public IReadOnlyList<string> Destinations { get; init; } = [];

    /// <summary>An error declaration says the event did not happen as recorded, so it adds nothing to the graph.</summary>
    public bool HasErrorDeclaration { get; init; }

    public static GenealogyEvent From(EpcisEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return new GenealogyEvent(evt.Type)
        {
            Action = evt.Action,
            BizStep = evt.BizStep is null ? null : Cbv.ShortName(evt.BizStep),
            BizLocation = evt.BizLocation,
            ParentId = evt.ParentId,
            Objects = [.. evt.EpcList, .. evt.QuantityList.Select(q => q.EpcClass)],
            Children = [.. evt.ChildEpcs, .. evt.ChildQuantityList.Select(q => q.EpcClass)],
            Inputs = [.. evt.InputEpcList, .. evt.InputQuantityList.Select(q => q.EpcClass)],
            Outputs = [.. evt.OutputEpcList, .. evt.OutputQuantityList.Select(q => q.EpcClass)],
            Sources = [.. evt.Sources.Select(s => s.Id)],
            Destinations = [.. evt.Destinations.Select(d => d.Id)],
            HasErrorDeclaration = evt.HasErrorDeclaration,
        };
    }

    /// <summary>Reads a stored (validated) event's JSON; see <see cref="GenealogyEventJson"/>.</summary>
    /// <exception cref="FormatException">Not a JSON object with a known EPCIS event type.</exception>
    public static GenealogyEvent FromJson(string json) => GenealogyEventJson.Read(json);
}
