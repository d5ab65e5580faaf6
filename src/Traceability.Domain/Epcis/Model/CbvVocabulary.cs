namespace Traceability.Domain.Epcis.Model;

/// <summary>CBV 2.0 vocabularies whose values EPCIS 2.0 JSON writes as bare words (e.g. "shipping").</summary>
public enum CbvVocabulary
{
    BizStep,
    Disposition,
    BizTransactionType,
    SourceDestType,
    ErrorReason,
    SensorComponent,
}
