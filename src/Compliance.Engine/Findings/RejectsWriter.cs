using System.Globalization;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Findings;

/// <summary>
/// rejects.csv: one rejected row or file per line, RFC 4180. The raw value is written untouched, so a field is
/// quoted whenever it holds a comma, a quote or a line break. Rows are ordered by file, then line (a stable sort,
/// so several rejects of one row keep the reader's order), so the file is the same whatever order the folder
/// listing gave.
/// </summary>
public static class RejectsWriter
{
    public const string FileName = "rejects.csv";

    public const string Header = "feed,file,line,column,value,reason,message";

    public static void WriteFile(string path, IEnumerable<Reject> rejects)
    {
        using var stream = File.Create(path);
        Write(stream, rejects);
    }

    public static void Write(Stream output, IEnumerable<Reject> rejects)
    {
        using var text = Utf8Output.Open(output);
        text.Write(Header);
        text.Write('\n');
        foreach (var r in Ordered(rejects))
        {
            text.Write(Field(r.Feed));
            text.Write(',');
            text.Write(Field(r.File));
            text.Write(',');
            text.Write(r.Line.ToString(CultureInfo.InvariantCulture));
            text.Write(',');
            text.Write(Field(r.Column));
            text.Write(',');
            text.Write(Field(r.Value));
            text.Write(',');
            text.Write(Field(r.Reason));
            text.Write(',');
            text.Write(Field(r.Message));
            text.Write('\n');
        }
    }

    /// <summary>The order rejects.csv and the summary share.</summary>
    public static IEnumerable<Reject> Ordered(IEnumerable<Reject> rejects) =>
        rejects.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line);

    internal static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
