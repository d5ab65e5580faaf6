using System.Text;

namespace Traceability.Domain.Gs1;

/// <summary>One Application Identifier and its value, as in <c>(10) LSF-20261112</c>.</summary>
public sealed record Gs1Element(string Ai, string Value);

/// <summary>
/// A GS1 element string: the AI/value pairs a GS1-128, GS1 DataMatrix or GS1 QR code carries (GS1 General
/// Specifications §7.8), validated, with the keys this system uses read out.
/// </summary>
/// <remarks>
/// Written by hand: no package on our NuGet mirror parses GS1 element strings (ZXing.Net only decodes the symbols).
/// In the barcode, AIs and values follow each other without brackets; a separator (FNC1, which decoders hand over as
/// ASCII GS) ends every element whose length is not predefined unless it is the last.
/// </remarks>
public sealed class Gs1ElementString
{
    /// <summary>What decoders put where the symbol has FNC1 as a separator (ISO/IEC 15417, ISO/IEC 16022).</summary>
    public const char GroupSeparator = '\u001d';

    private Gs1ElementString(IReadOnlyList<Gs1Element> elements, DateOnly today)
    {
        Elements = elements;
        foreach (var (ai, value) in elements)
        {
            switch (ai)
            {
                case "00": Sscc = Sscc.Parse(value); break;
                case "01": Gtin = Gtin.Parse(value); break;
                case "10": Lot = LotCode.Parse(value); break;
                case "21": Serial = SerialNumber.Parse(value); break;
                case "15": BestBefore = Gs1Date.Parse(value, today); break;
                case "17": Expiry = Gs1Date.Parse(value, today); break;
            }
        }
    }

    public IReadOnlyList<Gs1Element> Elements { get; }
    public Sscc? Sscc { get; }
    public Gtin? Gtin { get; }
    public LotCode? Lot { get; }
    public SerialNumber? Serial { get; }
    public Gs1Date? BestBefore { get; }
    public Gs1Date? Expiry { get; }

    /// <summary>The lot's Digital Link when the string names a GTIN and a lot; the resolver serves lots.</summary>
    public GtinLink? LotLink => Gtin is not null && Lot is not null ? new GtinLink(Gtin, Lot) : null;

    /// <summary>
    /// A trade item's pack: (01) GTIN, (15) best before and (17) expiry when known, (10) lot. Fixed-length elements
    /// first and the lot last, as GS1 recommends, so no separator is needed. Dates whose two-digit year would read back
    /// in another century around <paramref name="today"/> are left out.
    /// </summary>
    public static Gs1ElementString ForTradeItem(GtinLink lot, Gs1Date? bestBefore, Gs1Date? expiry, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var elements = new List<Gs1Element> { new("01", lot.Gtin.Value) };
        if (bestBefore is not null && bestBefore.IsExpressibleAround(today)) elements.Add(new("15", bestBefore.ToYymmdd()));
        if (expiry is not null && expiry.IsExpressibleAround(today)) elements.Add(new("17", expiry.ToYymmdd()));
        if (lot.Lot is not null) elements.Add(new("10", lot.Lot.Value));
        if (lot.Serial is not null) elements.Add(new("21", lot.Serial.Value));
        return new Gs1ElementString(elements, today);
    }

    /// <summary>A logistic unit: (00) SSCC, the one element the GS1 logistic label's barcode must carry.</summary>
    public static Gs1ElementString ForLogisticUnit(Sscc sscc) => new([new("00", sscc.Value)], DateOnly.MinValue);

    /// <summary>Validates the pairs in their order: each AI assigned, each value by its AI's rules, no AI twice.</summary>
    /// <exception cref="FormatException">Why not.</exception>
    public static Gs1ElementString Of(IEnumerable<Gs1Element> elements, DateOnly today)
    {
        var list = elements.ToList();
        if (list.Count == 0)
            throw new FormatException("an element string has at least one element");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ai, value) in list)
        {
            if (ai.Length < 2 || Gs1ApplicationIdentifiers.AiLength(ai) != ai.Length || !Gs1Text.AllDigits(ai))
                throw new FormatException($"({ai}) is not an assigned GS1 Application Identifier");
            if (Gs1ApplicationIdentifiers.Validate(ai, value, today) is { } error)
                throw new FormatException(error);
            if (!seen.Add(ai))
                throw new FormatException($"AI ({ai}) appears twice");
        }
        return new Gs1ElementString(list, today);
    }

    /// <summary>
    /// Reads a decoded symbol's data: AIs and values run together, <paramref name="separator"/> ending elements that
    /// are not of predefined length. A leading separator (FNC1 in first position, as some decoders pass it) is skipped.
    /// </summary>
    /// <exception cref="FormatException">An AI that is not assigned, a value that breaks its AI's rules, or no data.</exception>
    public static Gs1ElementString Parse(string data, DateOnly today, char separator = GroupSeparator)
    {
        var elements = new List<Gs1Element>();
        var position = data.Length > 0 && data[0] == separator ? 1 : 0;
        while (position < data.Length)
        {
            var length = Gs1ApplicationIdentifiers.AiLength(data.AsSpan(position, Math.Min(2, data.Length - position)))
                ?? throw new FormatException($"no GS1 Application Identifier starts with {Gs1Text.Quote(data.Substring(position, Math.Min(2, data.Length - position)))} at position {position + 1}");
            if (position + length > data.Length || !Gs1Text.AllDigits(data.AsSpan(position, length)))
                throw new FormatException($"the element string ends inside an AI at position {position + 1}");
            var ai = data.Substring(position, length);
            position += length;
            string value;
            if (Gs1ApplicationIdentifiers.PredefinedValueLength(ai) is { } fixedLength)
            {
                if (position + fixedLength > data.Length)
                    throw new FormatException($"AI ({ai}) takes {fixedLength} characters, only {data.Length - position} follow");
                value = data.Substring(position, fixedLength);
                position += fixedLength;
            }
            else
            {
                var end = data.IndexOf(separator, position);
                value = data[position..(end < 0 ? data.Length : end)];
                position += value.Length;
            }
            // A separator after a predefined-length element is not needed, but harmless: read past it.
            if (position < data.Length && data[position] == separator)
                position++;
            elements.Add(new Gs1Element(ai, value));
        }
        return Of(elements, today);
    }

    /// <summary>The data to encode: values run together, <paramref name="separator"/> after each variable-length element but the last.</summary>
    public string ToBarcodeData(char separator)
    {
        var data = new StringBuilder(64);
        for (var i = 0; i < Elements.Count; i++)
        {
            var (ai, value) = Elements[i];
            data.Append(ai).Append(value);
            if (i < Elements.Count - 1 && Gs1ApplicationIdentifiers.PredefinedValueLength(ai) is null)
                data.Append(separator);
        }
        return data.ToString();
    }

    /// <summary>Bracketed notation, e.g. <c>(01)06901234100037(10)LSF-20261112</c>: exact and unambiguous.</summary>
    public string ToBracketed() => string.Concat(Elements.Select(e => $"({e.Ai}){e.Value}"));

    /// <summary>The human-readable interpretation printed under a symbol: <c>(01) 06901234100037 (10) LSF-20261112</c>.</summary>
    public string ToHumanReadable() => string.Join(' ', Elements.Select(e => $"({e.Ai}) {e.Value}"));

    public override string ToString() => ToBracketed();
}
