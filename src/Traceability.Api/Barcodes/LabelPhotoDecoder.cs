using Traceability.Domain.Gs1;
using ZXing;
using ZXing.Common;

namespace Traceability.Api.Barcodes;

/// <summary>One symbol found in a photo, with what it says in GS1 terms when it is a GS1 symbol or a Digital Link.</summary>
internal sealed record FoundSymbol(
    string Symbology, string? SymbologyIdentifier, string Text, Gs1ElementString? Elements, DigitalLink? Link, string? Error);

/// <summary>What a photo held, and the size it was scanned at.</summary>
internal sealed record LabelScan(string Format, int Width, int Height, int ScannedWidth, int ScannedHeight, IReadOnlyList<FoundSymbol> Symbols);

/// <summary>
/// Finds the barcodes on a photo of a label (GS1 DataMatrix, GS1-128 and QR codes, plain ones too) with ZXing.Net,
/// for the receiving screen. Decoding costs CPU and memory, so uploads are bounded by the caller and at most one
/// photo per core is decoded at a time; the rest wait.
/// </summary>
internal static class LabelPhotoDecoder
{
    /// <summary>
    /// The longer side photos are shrunk to: a phone photo of a label fills a good part of the frame, and the smallest
    /// module of our symbols still spans several pixels at this size while ZXing's work drops fourfold per halving.
    /// </summary>
    public const int ScanEdge = 2048;

    private static readonly SemaphoreSlim Decoders = new(Environment.ProcessorCount, Environment.ProcessorCount);

    private static readonly HashSet<string> Gs1Identifiers = new(StringComparer.Ordinal) { "]d2", "]C1", "]Q3", "]e0", "]J1" };

    public static async Task<LabelScan> DecodeAsync(byte[] file, DateOnly today, CancellationToken cancellationToken)
    {
        await Decoders.WaitAsync(cancellationToken);
        try
        {
            var photo = GreyImage.Read(file);
            var scanned = photo.ShrinkToFit(ScanEdge);
            var reader = new BarcodeReaderGeneric
            {
                AutoRotate = true,
                Options = new DecodingOptions
                {
                    TryHarder = true,
                    // Keeps FNC1 separators in Code 128 (as GS) and marks GS1-128 with ]C1; without it they are dropped.
                    AssumeGS1 = true,
                    PossibleFormats = [BarcodeFormat.DATA_MATRIX, BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE],
                },
            };
            var results = reader.DecodeMultiple(scanned.ToLuminanceSource()) ?? [];
            var symbols = results
                .DistinctBy(r => (r.BarcodeFormat, r.Text))
                .Select(r => Describe(r, today))
                .ToList();
            return new LabelScan(GreyImage.FormatOf(file)!, photo.Width, photo.Height, scanned.Width, scanned.Height, symbols);
        }
        finally
        {
            Decoders.Release();
        }
    }

    private static FoundSymbol Describe(Result result, DateOnly today)
    {
        var identifier = result.ResultMetadata?.TryGetValue(ResultMetadataType.SYMBOLOGY_IDENTIFIER, out var id) == true ? id as string : null;
        var text = result.Text ?? "";
        var gs1 = identifier is not null && Gs1Identifiers.Contains(identifier);
        // With AssumeGS1, ZXing puts the identifier in front of GS1-128 data; it is not data.
        if (identifier is not null && text.StartsWith(identifier, StringComparison.Ordinal))
            text = text[identifier.Length..];
        // The FNC1 that makes a symbol GS1 is told by the identifier (as scanners transmit it), not part of the data;
        // ZXing's DataMatrix decoder hands it over as a leading GS.
        if (gs1 && text.StartsWith(Gs1ElementString.GroupSeparator))
            text = text[1..];
        var symbology = (result.BarcodeFormat, gs1) switch
        {
            (BarcodeFormat.DATA_MATRIX, true) => "GS1 DataMatrix",
            (BarcodeFormat.DATA_MATRIX, false) => "DataMatrix",
            (BarcodeFormat.CODE_128, true) => "GS1-128",
            (BarcodeFormat.CODE_128, false) => "Code 128",
            (BarcodeFormat.QR_CODE, true) => "GS1 QR Code",
            (BarcodeFormat.QR_CODE, false) => "QR Code",
            (var other, _) => other.ToString(),
        };

        if (gs1)
        {
            try
            {
                var elements = Gs1ElementString.Parse(text, today);
                return new FoundSymbol(symbology, identifier, text, elements, elements.LotLink, null);
            }
            catch (System.FormatException e)
            {
                return new FoundSymbol(symbology, identifier, text, null, null, e.Message);
            }
        }
        if (DigitalLink.TryParse(text, out var link))
        {
            var elements = link switch
            {
                GtinLink item => Gs1ElementString.ForTradeItem(item, null, null, today),
                SsccLink unit => Gs1ElementString.ForLogisticUnit(unit.Sscc),
                _ => null,
            };
            return new FoundSymbol(symbology, identifier, text, elements, link, null);
        }
        return new FoundSymbol(symbology, identifier, text, null, null, null);
    }
}
