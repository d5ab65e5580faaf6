namespace Traceability.Domain.Epcis.Hashing;

/// <summary>Which standard vocabulary a field's bare JSON-LD values come from.</summary>
internal enum VocabularyKind
{
    None,
    BizStep,
    Disposition,
    BizTransactionType,
    SourceDestinationType,
    MeasurementType,
    SensorAlert,
    Component,
}

/// <summary>
/// The bare-string terms the EPCIS 2.0 JSON-LD context (epcis-context.jsonld) defines for fields typed "@vocab",
/// with the IRI each expands to (CBV 2.0 §8.9 rule 16: "in_transit" is https://ref.gs1.org/cbv/Disp-in_transit).
/// Only listed terms expand; an unknown bare word is left as written, as a JSON-LD processor would.
/// </summary>
internal static class BareVocabulary
{
    private static readonly HashSet<string> BizStepTerms = new(StringComparer.Ordinal)
    {
        "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
        "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying",
        "disassembling", "dispensing", "encoding", "entering_exiting", "holding", "inspecting", "installing",
        "killing", "loading", "other", "packing", "picking", "receiving", "removing", "repackaging",
        "repairing", "replacing", "reserving", "retail_selling", "sampling", "sensor_reporting", "shipping",
        "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking",
        "void_shipping",
    };

    private static readonly HashSet<string> DispositionTerms = new(StringComparer.Ordinal)
    {
        "active", "available", "completeness_verified", "completeness_inferred", "conformant",
        "container_closed", "container_open", "damaged", "destroyed", "dispensed", "disposed", "encoded",
        "expired", "in_progress", "in_transit", "inactive", "mismatch_instance", "mismatch_class",
        "mismatch_quantity", "needs_replacement", "no_pedigree_match", "non_conformant", "non_sellable_other",
        "partially_dispensed", "recalled", "reserved", "retail_sold", "returned", "sellable_accessible",
        "sellable_not_accessible", "stolen", "unavailable", "unknown",
    };

    private static readonly HashSet<string> BizTransactionTypeTerms = new(StringComparer.Ordinal)
    {
        "bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd",
        "testres", "upevt",
    };

    private static readonly HashSet<string> SourceDestinationTypeTerms = new(StringComparer.Ordinal)
    {
        "owning_party", "possessing_party", "location",
    };

    private static readonly HashSet<string> MeasurementTypeTerms = new(StringComparer.Ordinal)
    {
        "AbsoluteHumidity", "AbsorbedDose", "AbsorbedDoseRate", "Acceleration", "Radioactivity", "Altitude",
        "AmountOfSubstance", "AmountOfSubstancePerUnitVolume", "Angle", "AngularAcceleration",
        "AngularMomentum", "AngularVelocity", "Area", "Capacitance", "Conductance", "Conductivity", "Count",
        "Density", "Dimensionless", "DoseEquivalent", "DoseEquivalentRate", "DynamicViscosity",
        "ElectricCharge", "ElectricCurrent", "ElectricCurrentDensity", "ElectricFieldStrength", "Energy",
        "Exposure", "Force", "Frequency", "Illuminance", "Inductance", "Irradiance", "KinematicViscosity",
        "Length", "LinearMomentum", "Luminance", "LuminousFlux", "LuminousIntensity", "MagneticFlux",
        "MagneticFluxDensity", "MagneticVectorPotential", "Mass", "MassConcentration", "MassFlowRate",
        "MassPerAreaTime", "MemoryCapacity", "MolalityOfSolute", "MolarEnergy", "MolarMass", "MolarVolume",
        "Power", "Pressure", "RadiantFlux", "RadiantIntensity", "RelativeHumidity", "Resistance",
        "Resistivity", "SolidAngle", "SpecificVolume", "Speed", "SurfaceDensity", "SurfaceTension",
        "Temperature", "Time", "Torque", "Voltage", "Volume", "VolumeFlowRate", "VolumeFraction",
        "VolumetricFlux", "Wavenumber",
    };

    private static readonly HashSet<string> SensorAlertTerms = new(StringComparer.Ordinal)
    {
        "ALARM_CONDITION", "ERROR_CONDITION",
    };

    private static readonly HashSet<string> ComponentTerms = new(StringComparer.Ordinal)
    {
        "x", "y", "z", "axial_distance", "azimuth", "height", "spherical_radius", "polar_angle",
        "elevation_angle", "easting", "northing", "latitude", "longitude", "altitude",
    };

    /// <summary>The full IRI of a bare term of <paramref name="kind"/>, or null when it is not one.</summary>
    public static string? Expand(VocabularyKind kind, string value) => kind switch
    {
        VocabularyKind.BizStep when BizStepTerms.Contains(value) => "https://ref.gs1.org/cbv/BizStep-" + value,
        VocabularyKind.Disposition when DispositionTerms.Contains(value) => "https://ref.gs1.org/cbv/Disp-" + value,
        VocabularyKind.BizTransactionType when BizTransactionTypeTerms.Contains(value) => "https://ref.gs1.org/cbv/BTT-" + value,
        VocabularyKind.SourceDestinationType when SourceDestinationTypeTerms.Contains(value) => "https://ref.gs1.org/cbv/SDT-" + value,
        VocabularyKind.MeasurementType when MeasurementTypeTerms.Contains(value) => "https://gs1.org/voc/" + value,
        VocabularyKind.SensorAlert when SensorAlertTerms.Contains(value) => "https://gs1.org/voc/" + value,
        VocabularyKind.Component when ComponentTerms.Contains(value) => "https://ref.gs1.org/cbv/Comp-" + value,
        _ => null,
    };
}
