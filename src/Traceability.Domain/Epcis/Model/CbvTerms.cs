using System.Collections.Frozen;

namespace Traceability.Domain.Epcis.Model;

/// <summary>
/// The bare values of the CBV 2.0 vocabularies, as listed by the EPCIS 2.0 JSON schema and the
/// standard JSON-LD context (https://ref.gs1.org/standards/epcis/epcis-context.jsonld).
/// </summary>
internal static class CbvTerms
{
    public static readonly FrozenSet<string> BizSteps = FrozenSet.Create(StringComparer.Ordinal,
        "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
        "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying",
        "disassembling", "dispensing", "encoding", "entering_exiting", "holding", "inspecting",
        "installing", "killing", "loading", "other", "packing", "picking", "receiving", "removing",
        "repackaging", "repairing", "replacing", "reserving", "retail_selling", "sampling",
        "sensor_reporting", "shipping", "staging_outbound", "stock_taking", "stocking", "storing",
        "transporting", "unloading", "unpacking", "void_shipping");

    public static readonly FrozenSet<string> Dispositions = FrozenSet.Create(StringComparer.Ordinal,
        "active", "available", "completeness_inferred", "completeness_verified", "conformant",
        "container_closed", "container_open", "damaged", "destroyed", "dispensed", "disposed",
        "encoded", "expired", "in_progress", "in_transit", "inactive", "mismatch_class",
        "mismatch_instance", "mismatch_quantity", "needs_replacement", "no_pedigree_match",
        "non_conformant", "non_sellable_other", "partially_dispensed", "recalled", "reserved",
        "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible", "stolen",
        "unavailable", "unknown");

    public static readonly FrozenSet<string> BizTransactionTypes = FrozenSet.Create(StringComparer.Ordinal,
        "bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma",
        "testprd", "testres", "upevt");

    public static readonly FrozenSet<string> SourceDestTypes = FrozenSet.Create(StringComparer.Ordinal,
        "owning_party", "possessing_party", "location");

    public static readonly FrozenSet<string> ErrorReasons = FrozenSet.Create(StringComparer.Ordinal,
        "did_not_occur", "incorrect_data");

    public static readonly FrozenSet<string> SensorComponents = FrozenSet.Create(StringComparer.Ordinal,
        "x", "y", "z", "axial_distance", "azimuth", "height", "spherical_radius", "polar_angle",
        "elevation_angle", "easting", "northing", "latitude", "longitude", "altitude");

    public static FrozenSet<string> Of(CbvVocabulary vocabulary) => vocabulary switch
    {
        CbvVocabulary.BizStep => BizSteps,
        CbvVocabulary.Disposition => Dispositions,
        CbvVocabulary.BizTransactionType => BizTransactionTypes,
        CbvVocabulary.SourceDestType => SourceDestTypes,
        CbvVocabulary.ErrorReason => ErrorReasons,
        CbvVocabulary.SensorComponent => SensorComponents,
        _ => throw new ArgumentOutOfRangeException(nameof(vocabulary)),
    };

    /// <summary>The term prefix of each vocabulary in the CBV namespace, as in "BizStep-shipping".</summary>
    public static string UriPrefix(CbvVocabulary vocabulary) => vocabulary switch
    {
        CbvVocabulary.BizStep => "BizStep-",
        CbvVocabulary.Disposition => "Disp-",
        CbvVocabulary.BizTransactionType => "BTT-",
        CbvVocabulary.SourceDestType => "SDT-",
        CbvVocabulary.ErrorReason => "ER-",
        CbvVocabulary.SensorComponent => "Comp-",
        _ => throw new ArgumentOutOfRangeException(nameof(vocabulary)),
    };

    public static readonly CbvVocabulary[] All = Enum.GetValues<CbvVocabulary>();
}
