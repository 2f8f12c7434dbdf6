using System.Buffers;
using System.Globalization;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Findings;

/// <summary>
/// rejects.csv: one rejected row or file per line, RFC 4180. The raw value is written as read, so a field is
/// quoted whenever it holds a comma, a quote or a line break; but a control character other than tab, line feed and
/// carriage return (U+0000–U+001F, and DEL U+007F) is written as its Control Picture: U+2400 plus its code (␀ for
/// NUL, ␛ for ESC), ␡ for DEL. Written raw, a NUL makes the file binary to many tools and the others are invisible
/// or garble a terminal; a picture shows which character the feed held where, one char for one. A picture the feed
/// itself held is written as it is: exports do not hold them, so in practice a picture in rejects.csv stands for
/// the control character. Other text, tabs and line breaks included, is written as read. (findings.jsonl needs
/// none of this: JSON escapes control characters as <c>\u0000</c>.) Rows are ordered by file, then line (a stable
/// sort, so several rejects of one row keep the reader's order), so the file is the same whatever order the folder
/// listing gave.
/// </summary>
public static class RejectsWriter
{
    public const string FileName = "rejects.csv";

    public const string Header = "feed,file,line,column,value,reason,message";

    private const string QuoteWorthy = ",\"\r\n";

    private const string Pictured =
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000c\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f";

    private static readonly SearchValues<char> Special = SearchValues.Create(QuoteWorthy + Pictured);

    private static readonly SearchValues<char> QuoteOrPictured = SearchValues.Create("\"" + Pictured);

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
        if (rest.IndexOfAny(Special) < 0)
        {
            text.Write(rest);
            return;
        }
        var quoted = rest.IndexOfAny(QuoteWorthy) >= 0;
        if (quoted)
        {
            text.Write('"');
        }
        for (var next = rest.IndexOfAny(QuoteOrPictured); next >= 0; next = rest.IndexOfAny(QuoteOrPictured))
        {
            text.Write(rest[..next]);
            var c = rest[next];
            if (c == '"')
            {
                text.Write("\"\"");
            }
            else
            {
                text.Write(c == '\u007f' ? '\u2421' : (char)('\u2400' + c));
            }
            rest = rest[(next + 1)..];
        }
        text.Write(rest);
        if (quoted)
        {
            text.Write('"');
        }
    }
}
