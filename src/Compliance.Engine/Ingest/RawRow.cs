namespace Compliance.Engine.Ingest;

/// <summary>
/// One row as a source read it: the physical line where it starts and its values per file column (unquoted,
/// untrimmed), kept in one reusable buffer so that reading a row allocates nothing by itself. A row that could
/// not be split into fields carries <see cref="BadRowMessage"/> and the raw text instead.
/// </summary>
internal sealed class RawRow
{
    private char[] _chars = new char[256];
    private int _length;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];

    public int Line { get; private set; }

    public int Count { get; private set; }

    public string? BadRowMessage { get; private set; }

    public string BadRowValue { get; private set; } = "";

    public ReadOnlySpan<char> this[int column] =>
        column < Count ? _chars.AsSpan(_starts[column], _lengths[column]) : [];

    public void Start(int line)
    {
        Line = line;
        Count = 0;
        _length = 0;
        BadRowMessage = null;
        BadRowValue = "";
    }

    public void Add(ReadOnlySpan<char> value)
    {
        if (Count == _starts.Length)
        {
            GrowFields(Count + 1);
        }
        if (_length + value.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + value.Length));
        }
        value.CopyTo(_chars.AsSpan(_length));
        _starts[Count] = _length;
        _lengths[Count] = value.Length;
        _length += value.Length;
        Count++;
    }

    /// <summary>
    /// Holds a whole line of text at once, for a line whose values are slices of it (<see cref="SetSlices"/>): one
    /// copy for the line instead of one per value.
    /// </summary>
    public void SetText(ReadOnlySpan<char> text)
    {
        if (text.Length > _chars.Length)
        {
            _chars = new char[Math.Max(_chars.Length * 2, text.Length)];
        }
        text.CopyTo(_chars);
        _length = text.Length;
    }

    /// <summary>
    /// Makes the row <paramref name="count"/> values long, to be given as slices of the text of <see cref="SetText"/>:
    /// the caller fills in where each starts and how long it is.
    /// </summary>
    public void SetSlices(int count, out Span<int> starts, out Span<int> lengths)
    {
        if (_starts.Length < count)
        {
            GrowFields(count);
        }
        Count = count;
        starts = _starts.AsSpan(0, count);
        lengths = _lengths.AsSpan(0, count);
    }

    /// <summary>Appends one char to the value being built by <see cref="BeginValue"/>/<see cref="EndValue"/>.</summary>
    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }
        _chars[_length++] = c;
    }

    /// <summary>Starts a value assembled char by char (an unescaped quoted CSV field).</summary>
    public void BeginValue()
    {
        if (Count == _starts.Length)
        {
            GrowFields(Count + 1);
        }
        _starts[Count] = _length;
    }

    public void EndValue()
    {
        _lengths[Count] = _length - _starts[Count];
        Count++;
    }

    public void MarkBad(string message, string rawText)
    {
        BadRowMessage = message;
        BadRowValue = rawText;
    }

    /// <summary>True when every value is empty or white space: such a row is a blank line, skipped.</summary>
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

    /// <summary>Kept out of the adding methods, which stay small enough to be inlined into the per-field loops.</summary>
    private void GrowFields(int needed)
    {
        var length = Math.Max(_starts.Length * 2, needed);
        Array.Resize(ref _starts, length);
        Array.Resize(ref _lengths, length);
    }
}
