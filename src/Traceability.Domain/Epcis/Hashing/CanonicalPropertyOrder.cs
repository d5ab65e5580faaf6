namespace Traceability.Domain.Epcis.Hashing;

/// <summary>
/// The canonical property order of CBV 2.0 §8.9, as the reference implementation
/// (RalphTro/epcis-event-hash-generator) applies it to all five event types.
/// </summary>
internal static class CanonicalPropertyOrder
{
    private static readonly ObjectSpec QuantityElement = new(
        Plain("epcClass"), Plain("quantity"), Plain("uom"));

    private static readonly ObjectSpec SensorMetadata = new(
        Time("time"), Time("startTime"), Time("endTime"), Plain("deviceID"), Plain("deviceMetadata"), Plain("rawData"),
        Plain("dataProcessingMethod"), Plain("bizRules"));

    private static readonly ObjectSpec SensorReport = new(
        Plain("type") with { Vocabulary = VocabularyKind.MeasurementType },
        Plain("exception") with { Vocabulary = VocabularyKind.SensorAlert },
        Plain("deviceID"), Plain("deviceMetadata"), Plain("rawData"), Plain("dataProcessingMethod"), Time("time"),
        Plain("microorganism"), Plain("chemicalSubstance"), Plain("value"),
        Plain("component") with { Vocabulary = VocabularyKind.Component },
        Plain("stringValue"), Plain("booleanValue"), Plain("hexBinaryValue"), Plain("uriValue"), Plain("minValue"),
        Plain("maxValue"), Plain("meanValue"), Plain("sDev"), Plain("percRank"), Plain("percValue"), Plain("uom"),
        Plain("coordinateReferenceSystem"));

    private static readonly ObjectSpec SensorElement = new(
        Obj("sensorMetadata", SensorMetadata),
        new FieldSpec("sensorReport", FieldShape.ObjectList) { ItemName = "sensorReport", Fields = SensorReport, NameWritten = false });

    private static readonly ObjectSpec Location = new(Plain("id"));

    /// <summary>
    /// The event itself; eventType is written before these fields. The business transaction, source and destination
    /// lists and ilmd are written after sensorElementList, sorted together with the user extensions: that is where
    /// the reference implementation puts them, and its published CBV 2.0 examples (destinationList before
    /// sourceList) depend on it.
    /// </summary>
    public static readonly ObjectSpec Event = new(
        [
            Time("eventTime"),
            Plain("eventTimeZoneOffset"),
            // The reference implementation and its CBV 2.0 examples put certificationInfo here.
            Plain("certificationInfo"),
            Epcs("epcList"),
            Plain("parentID"),
            Epcs("inputEPCList"),
            Epcs("childEPCs"),
            Quantities("quantityList"),
            Quantities("childQuantityList"),
            Quantities("inputQuantityList"),
            Epcs("outputEPCList"),
            Quantities("outputQuantityList"),
            Plain("action"),
            Plain("transformationID"),
            Plain("bizStep") with { Vocabulary = VocabularyKind.BizStep },
            Plain("disposition") with { Vocabulary = VocabularyKind.Disposition },
            Obj("persistentDisposition", new ObjectSpec(
                Plain("set") with { Vocabulary = VocabularyKind.Disposition },
                Plain("unset") with { Vocabulary = VocabularyKind.Disposition })),
            Obj("readPoint", Location),
            Obj("bizLocation", Location),
            new FieldSpec("sensorElementList", FieldShape.ObjectList) { ItemName = "sensorElement", Fields = SensorElement },
        ],
        [
            Parties("bizTransactionList", "bizTransaction", VocabularyKind.BizTransactionType),
            Parties("sourceList", "source", VocabularyKind.SourceDestinationType),
            Parties("destinationList", "destination", VocabularyKind.SourceDestinationType),
            Obj("ilmd", new ObjectSpec()),
        ]);

    private static FieldSpec Plain(string name) => new(name, FieldShape.Value);

    private static FieldSpec Time(string name) => new(name, FieldShape.Timestamp);

    private static FieldSpec Obj(string name, ObjectSpec fields) => new(name, FieldShape.Object) { Fields = fields };

    private static FieldSpec Epcs(string name) => new(name, FieldShape.ValueList) { ItemName = "epc" };

    private static FieldSpec Quantities(string name) =>
        new(name, FieldShape.ObjectList) { ItemName = "quantityElement", Fields = QuantityElement };

    // Type first, then the identifier (rule 13); entries carry no name of their own.
    private static FieldSpec Parties(string listName, string idName, VocabularyKind typeVocabulary) =>
        new(listName, FieldShape.ObjectList)
        {
            Fields = new ObjectSpec(Plain("type") with { Vocabulary = typeVocabulary }, Plain(idName)),
        };
}
