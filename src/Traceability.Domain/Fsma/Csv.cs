namespace Traceability.Domain.Fsma;

/// <summary>
/// RFC 4180 records: fields separated by commas, records ended by CRLF, a field holding a comma, quote, CR or LF
/// quoted with its quotes doubled. Cells that a spreadsheet would run as a formula (starting with = + - @, tab
/// or CR, per OWASP's CSV injection advice) get a leading apostrophe, which spreadsheets show as text.
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
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
