namespace Traceability.Domain.Epcis.Hashing;

/// <summary>How a standard field is written into the pre-hash.</summary>
internal enum FieldShape
{
    /// <summary><c>name=value</c>; an array gives one <c>name=value</c> per item.</summary>
    Value,

    /// <summary>Like <see cref="Value"/>, normalised as a timestamp.</summary>
    Timestamp,

    /// <summary><c>name</c> then <c>item=value</c> per entry, e.g. epcList / epc.</summary>
    ValueList,

    /// <summary><c>name</c> then the object's fields, e.g. readPoint / id.</summary>
    Object,

    /// <summary><c>name</c> (unless null) then each entry as <c>item</c> plus its fields, e.g. quantityList / quantityElement.</summary>
    ObjectList,
}

/// <summary>One standard field in the canonical property order (CBV 2.0 §8.9, "Canonical property order").</summary>
internal sealed record FieldSpec(string Name, FieldShape Shape)
{
    /// <summary>Name written before each entry of a list; null writes the list name only.</summary>
    public string? ItemName { get; init; }

    /// <summary>Fields of an object or of each object in a list, in canonical order.</summary>
    public ObjectSpec? Fields { get; init; }

    public VocabularyKind Vocabulary { get; init; }

    /// <summary>False for a list written only through its entries' names, as sensorReport is.</summary>
    public bool NameWritten { get; init; } = true;
}

/// <summary>
/// The standard fields of an object: those written in canonical order, and those written in the sorted block
/// that also holds the object's extensions. All other fields are extensions.
/// </summary>
internal sealed class ObjectSpec
{
    private readonly HashSet<string> _standard;

    public ObjectSpec(params FieldSpec[] ordered)
        : this(ordered, [])
    {
    }

    public ObjectSpec(FieldSpec[] ordered, FieldSpec[] sortedWithExtensions)
    {
        Ordered = ordered;
        SortedWithExtensions = sortedWithExtensions;
        _standard = [.. ordered.Concat(sortedWithExtensions).Select(f => f.Name)];
    }

    public IReadOnlyList<FieldSpec> Ordered { get; }

    public IReadOnlyList<FieldSpec> SortedWithExtensions { get; }

    public bool IsStandard(string name) => _standard.Contains(name);
}
