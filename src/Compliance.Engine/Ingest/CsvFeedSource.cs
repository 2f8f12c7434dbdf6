using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;

namespace Compliance.Engine.Ingest;

/// <summary>
/// RFC 4180 CSV through Sep. Sep splits rows and tracks line numbers across quoted line breaks; quoting is
/// validated and unescaped here because Sep is lenient by design. A stray quote makes Sep read on to the next
/// quote, possibly many lines later: such a row is reported as bad at its first line and the lines it swallowed
/// are read again as rows of their own, so one bad quote costs one row, not the rest of the file.
/// </summary>
internal sealed class CsvFeedSource : FeedSource
{
    private static readonly SepReaderOptions Options =
        Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true });

    private readonly Stack<Frame> _frames = new();
    private readonly List<string> _headers = [];

    public CsvFeedSource(TextReader text)
    {
        _frames.Push(new Frame(Options.From(text), 0));
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
                for (var i = 0; i < r.ColCount; i++)
                {
                    if (!TryAddField(row, r[i].Span))
                    {
                        var (first, rest) = SplitFirstLine(r.Span);
                        row.MarkBad("引号使用不当：带引号的字段须以引号开始和结束，字段内的引号须写成两个引号", first);
                        if (lineCount > 1 && rest.Length > 0)
                        {
                            _frames.Push(new Frame(Options.FromText(rest), line));
                        }
                        return true;
                    }
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

    /// <summary>A Sep reader over the file, or over lines re-read after a bad quote; its line 1 is file line LineOffset + 1.</summary>
    private sealed class Frame(SepReader reader, int lineOffset)
    {
        public SepReader Reader { get; } = reader;

        public int LineOffset { get; } = lineOffset;

        public int NextLine { get; set; } = 1;
    }
}
