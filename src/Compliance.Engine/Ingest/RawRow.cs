using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>
/// One row as a source read it: the physical line where it starts and its values per file column (unquoted,
/// untrimmed), kept in a reusable <see cref="RowText"/> (its own, or the one the rows of a batch share) so that
/// reading a row allocates nothing by itself. A row that could not be split into fields carries
/// <see cref="BadRowMessage"/> and the raw text instead.
/// </summary>
internal sealed class RawRow
{
    private readonly RowText _text;
    private int _charStart;
    private int _fieldStart;

    /// <summary>A row with buffers of its own.</summary>
    public RawRow()
        : this(new RowText(256, 16))
    {
    }

    /// <summary>A row written into <paramref name="text"/>, after the rows written there before it.</summary>
    public RawRow(RowText text)
    {
        _text = text;
    }

    public int Line { get; private set; }

    public int Count { get; private set; }

    public string? BadRowMessage { get; private set; }

    public string BadRowValue { get; private set; } = "";

    public ReadOnlySpan<char> this[int column]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (column >= Count)
            {
                return [];
            }
            var text = _text;
            var field = _fieldStart + column;
            return text.Chars.AsSpan(_charStart + text.Starts[field], text.Lengths[field]);
        }
    }

    /// <summary>Starts the row afresh: after the rows written before it, or over itself when it was written last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Start(int line)
    {
        var text = _text;
        if (ReferenceEquals(text.Last, this))
        {
            text.Length = _charStart;
            text.Fields = _fieldStart;
        }
        else
        {
            text.Last = this;
        }
        _charStart = text.Length;
        _fieldStart = text.Fields;
        Line = line;
        Count = 0;
        BadRowMessage = null;
        BadRowValue = "";
    }

    public void Add(ReadOnlySpan<char> value)
    {
        var text = _text;
        text.EnsureFields(1);
        text.EnsureChars(value.Length);
        value.CopyTo(text.Chars.AsSpan(text.Length));
        text.Starts[text.Fields] = text.Length - _charStart;
        text.Lengths[text.Fields] = value.Length;
        text.Length += value.Length;
        text.Fields++;
        Count++;
    }

    /// <summary>
    /// Holds a whole line of text at once, for a line whose values are slices of it (<see cref="SetSlices"/>): one
    /// copy for the line instead of one per value. Only on a row just started.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetText(ReadOnlySpan<char> line)
    {
        var text = _text;
        text.EnsureChars(line.Length);
        line.CopyTo(text.Chars.AsSpan(_charStart));
        text.Length = _charStart + line.Length;
    }

    /// <summary>
    /// Makes the row <paramref name="count"/> values long, to be given as slices of the text of <see cref="SetText"/>:
    /// the caller fills in where each starts and how long it is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetSlices(int count, out Span<int> starts, out Span<int> lengths)
    {
        var text = _text;
        text.Fields = _fieldStart;
        text.EnsureFields(count);
        text.Fields = _fieldStart + count;
        Count = count;
        starts = text.Starts.AsSpan(_fieldStart, count);
        lengths = text.Lengths.AsSpan(_fieldStart, count);
    }

    /// <summary>Appends one char to the value being built by <see cref="BeginValue"/>/<see cref="EndValue"/>.</summary>
    public void Append(char c)
    {
        var text = _text;
        text.EnsureChars(1);
        text.Chars[text.Length++] = c;
    }

    /// <summary>Starts a value assembled char by char (an unescaped quoted CSV field).</summary>
    public void BeginValue()
    {
        var text = _text;
        text.EnsureFields(1);
        text.Starts[text.Fields] = text.Length - _charStart;
    }

    public void EndValue()
    {
        var text = _text;
        text.Lengths[text.Fields] = text.Length - _charStart - text.Starts[text.Fields];
        text.Fields++;
        Count++;
    }

    public void MarkBad(string message, string rawText)
    {
        BadRowMessage = message;
        BadRowValue = rawText;
    }

    /// <summary>True when every value is empty or white space: such a row is a blank line, skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsBlank()
    {
        for (var i = 0; i < Count; i++)
        {
            if (!Whitespace.All(this[i]))
            {
                return false;
            }
        }
        return true;
    }
}
