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
        Span<char> line = stackalloc char[16];
        foreach (var r in Ordered(rejects))
        {
            WriteField(text, r.Feed);
            text.Write(',');
            WriteField(text, r.File);
            text.Write(',');
            r.Line.TryFormat(line, out var digits, default, CultureInfo.InvariantCulture);
            text.Write(line[..digits]);
            text.Write(',');
            WriteField(text, r.Column);
            text.Write(',');
            WriteField(text, r.Value);
            text.Write(',');
            WriteField(text, r.Reason);
            text.Write(',');
            WriteField(text, r.Message);
            text.Write('\n');
        }
    }

    /// <summary>The order rejects.csv and the summary share.</summary>
    public static IEnumerable<Reject> Ordered(IEnumerable<Reject> rejects) =>
        rejects.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line);

    // Written piece by piece rather than built as a string: a large feed can reject most of its rows.
    private static void WriteField(TextWriter text, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        var rest = value.AsSpan();
        if (rest.IndexOfAny(",\"\r\n") < 0)
        {
            text.Write(rest);
            return;
        }
        text.Write('"');
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            text.Write(rest[..(quote + 1)]);
            text.Write('"');
            rest = rest[(quote + 1)..];
        }
        text.Write(rest);
        text.Write('"');
    }
}
