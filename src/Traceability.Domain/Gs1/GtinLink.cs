namespace Traceability.Domain.Gs1;

/// <summary>A trade item: <c>/01/{gtin14}</c>, optionally with <c>/10/{lot}</c> and/or <c>/21/{serial}</c>.</summary>
public sealed record GtinLink : DigitalLink
{
    public GtinLink(Gtin gtin, LotCode? lot = null, SerialNumber? serial = null)
    {
        ArgumentNullException.ThrowIfNull(gtin);
        Gtin = gtin;
        Lot = lot;
        Serial = serial;
    }

    public Gtin Gtin { get; }
    public LotCode? Lot { get; }
    public SerialNumber? Serial { get; }

    public override string Path =>
        "/01/" + Gtin.Value
        + (Lot is null ? "" : "/10/" + DigitalLinkEncoding.Encode(Lot.Value))
        + (Serial is null ? "" : "/21/" + DigitalLinkEncoding.Encode(Serial.Value));
}
