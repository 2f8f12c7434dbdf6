using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;

namespace Compliance.Engine.Ingest;

/// <summary>
/// RFC 4180 CSV through Sep. Sep splits rows and tracks line numbers across quoted line breaks; quoting is
/// validated and unescaped here because Sep is lenient by design. A stray quote makes Sep read on to the next
/// quote, possibly many lines later: such a row is reported as bad at its first line and the lines it swallowed
/// are read again as rows of their own, so one bad quote costs one row, not the rest of the file. Those lines can
/// end inside a row's quoted line break, the quote Sep paired the stray one with; that row is read again from the
/// file, where its closing quote is, since from there on Sep's idea of what is quoted is the reverse of the file's.
/// </summary>
internal sealed class CsvFeedSource : FeedSource
{
    private static readonly SepReaderOptions Options =
        Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true });

    /// <summary>
    /// For a reader started again from the file: restarts come after bad quotes, each with a reader of its own,
    /// so they start small.
    /// </summary>
    private static readonly SepReaderOptions RestartOptions = Options with { InitialBufferLength = 1 << 10 };

    private readonly Stack<Frame> _frames = new();
    private readonly List<string> _headers = [];
    private readonly Func<int, TextReader> _openAtLine;

    /// <param name="text">The file's text from its start.</param>
    /// <param name="openAtLine">The file's text from the start of a given physical line (1 = the first).</param>
    public CsvFeedSource(TextReader text, Func<int, TextReader> openAtLine)
    {
        _openAtLine = openAtLine;
        _frames.Push(new Frame(Options.From(text), 0, reread: false));
        try
        {
            ReadHeader();
        }
        catch (FeedFileException)
        {
            Dispose();
            throw;
        }
    }

    public override IReadOnlyList<string> Headers => _headers;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool MoveNext(RawRow row)
    {
        while (_frames.Count > 0)
        {
            var frame = _frames.Peek();
            if (!frame.Reader.MoveNext())
            {
                frame.Reader.Dispose();
                _frames.Pop();
                continue;
            }
            var r = frame.Reader.Current;
            // Sep's LineNumberFrom is not reliable for a reader's first row; a row starts where the previous one ended.
            var line = frame.LineOffset + frame.NextLine;
            var lineCount = r.LineNumberToExcl - frame.NextLine;
            frame.NextLine = r.LineNumberToExcl;
            if (IsBlankLine(r.Span))
            {
                continue;
            }
            row.Start(line);
            if (!r.Span.Contains('"'))
            {
                AddUnquoted(row, r);
            }
            else
            {
                var readAgain = false;
                for (var i = 0; i < r.ColCount; i++)
                {
                    if (!TryAddField(row, r[i].Span))
                    {
                        if (frame.Reread && i == r.ColCount - 1 && IsOpenQuoted(r[i].Span))
                        {
                            StartAgainAt(line);
                            readAgain = true;
                            continue;
                        }
                        var (first, rest) = SplitFirstLine(r.Span);
                        row.MarkBad("引号使用不当：带引号的字段须以引号开始和结束，字段内的引号须写成两个引号", first);
                        if (lineCount > 1 && rest.Length > 0)
                        {
                            _frames.Push(new Frame(Options.FromText(rest), line, reread: true));
                        }
                        return true;
                    }
                }
                if (readAgain)
                {
                    continue;
                }
            }
            if (r.ColCount != _headers.Count)
            {
                row.MarkBad($"该行有 {r.ColCount} 个字段，表头有 {_headers.Count} 列", r.Span.ToString());
            }
            return true;
        }
        return false;
    }

    public override void Dispose()
    {
        while (_frames.Count > 0)
        {
            _frames.Pop().Reader.Dispose();
        }
    }

    /// <summary>The first row that is not blank is the header; leading blank lines are skipped like any other.</summary>
    private void ReadHeader()
    {
        var frame = _frames.Peek();
        var row = new RawRow();
        while (frame.Reader.MoveNext())
        {
            var r = frame.Reader.Current;
            var line = frame.NextLine;
            frame.NextLine = r.LineNumberToExcl;
            if (IsBlankLine(r.Span))
            {
                continue;
            }
            row.Start(line);
            for (var i = 0; i < r.ColCount; i++)
            {
                if (!TryAddField(row, r[i].Span))
                {
                    throw new FeedFileException($"第 {line} 行的表头引号使用不当");
                }
                _headers.Add(row[i].ToString());
            }
            return;
        }
    }

    /// <summary>
    /// A line without any quote: its values are exactly Sep's columns and need no quoting checks. The line is
    /// copied once and the values are kept as slices of it, where Sep's columns lie within its row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddUnquoted(RawRow row, SepReader.Row r)
    {
        var line = r.Span;
        row.SetText(line);
        ref var start = ref MemoryMarshal.GetReference(line);
        row.SetSlices(r.ColCount, out var starts, out var lengths);
        for (var i = 0; i < starts.Length; i++)
        {
            var col = r[i].Span;
            // An empty span need not point into the row; its place does not matter.
            starts[i] = col.IsEmpty ? 0 : (int)(Unsafe.ByteOffset(ref start, ref MemoryMarshal.GetReference(col)) / sizeof(char));
            lengths[i] = col.Length;
        }
    }

    /// <summary>Validates a raw field's quoting and adds its value, unescaped. White space around the quotes is tolerated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryAddField(RawRow row, ReadOnlySpan<char> raw)
    {
        var s = Whitespace.Trim(raw);
        if (s.IsEmpty || s[0] != '"')
        {
            if (s.Contains('"'))
            {
                return false;
            }
            row.Add(raw);
            return true;
        }
        if (s.Length < 2 || s[^1] != '"')
        {
            return false;
        }
        var inner = s[1..^1];
        row.BeginValue();
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return false;
                }
                i++;
            }
            row.Append(c);
        }
        row.EndValue();
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsBlankLine(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c != ',' && !Whitespace.Is(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Drops every reader and reads on from the file at <paramref name="line"/>: for a row whose quoted field is
    /// still open where the lines being re-read end, so its closing quote lies further on in the file.
    /// </summary>
    private void StartAgainAt(int line)
    {
        Dispose();
        _frames.Push(new Frame(RestartOptions.From(_openAtLine(line)), line - 1, reread: false));
    }

    /// <summary>
    /// A field that opens a quote and has not closed it: after white space, a quote, then only escaped (doubled)
    /// quotes. The last field of a row that ends there only because the text re-read ends there.
    /// </summary>
    private static bool IsOpenQuoted(ReadOnlySpan<char> raw)
    {
        var start = 0;
        while (start < raw.Length && Whitespace.Is(raw[start]))
        {
            start++;
        }
        var s = raw[start..];
        if (s.IsEmpty || s[0] != '"')
        {
            return false;
        }
        for (var i = 1; i < s.Length; i++)
        {
            if (s[i] == '"')
            {
                if (i + 1 == s.Length || s[i + 1] != '"')
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static (string First, string Remainder) SplitFirstLine(ReadOnlySpan<char> span)
    {
        var end = span.IndexOfAny('\r', '\n');
        if (end < 0)
        {
            return (span.ToString(), "");
        }
        var next = end + 1;
        if (span[end] == '\r' && next < span.Length && span[next] == '\n')
        {
            next++;
        }
        return (span[..end].ToString(), span[next..].ToString());
    }

    /// <summary>
    /// A Sep reader over the file (from its start or from a line on), or over lines re-read after a bad quote
    /// (<paramref name="reread"/>); its line 1 is file line LineOffset + 1.
    /// </summary>
    private sealed class Frame(SepReader reader, int lineOffset, bool reread)
    {
        public SepReader Reader { get; } = reader;

        public int LineOffset { get; } = lineOffset;

        public bool Reread { get; } = reread;

        public int NextLine { get; set; } = 1;
    }
}
