namespace Traceability.Domain.Fsma;

/// <summary>
/// RFC 4180 records: fields separated by commas, records ended by CRLF, a field holding a comma, quote, CR or LF
/// quoted with its quotes doubled; every cell guarded against formula injection first (<see cref="Fsma204Columns.Guarded"/>).
/// </summary>
internal static class Csv
{
    public const string RecordEnd = "\r\n";

    public static void WriteRecord(TextWriter writer, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
                writer.Write(',');
            writer.Write(Field(cell));
            first = false;
        }
        writer.Write(RecordEnd);
    }

    public static string Field(string value)
    {
        var text = Fsma204Columns.Guarded(value);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
