using System.Globalization;
using System.Text;

namespace GuoduActors.Silo.Api;

/// <summary>
/// The API's CSV downloads: RFC 4180 with a header row and CRLF line ends, UTF-8 with a byte order mark (so Excel reads
/// the Chinese names correctly), numbers in the invariant culture whatever the server's.
/// </summary>
internal static class CsvFile
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Encode(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header).Append("\r\n");
        foreach (var row in rows)
            csv.AppendJoin(',', row).Append("\r\n");
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv.ToString())];
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    /// <summary>A number rounded to <paramref name="decimals"/> places, without trailing zeros.</summary>
    public static string Number(double value, int decimals) => Math.Round(value, decimals).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        // A cell starting with = + - @ would be run as a formula by spreadsheet programs.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
