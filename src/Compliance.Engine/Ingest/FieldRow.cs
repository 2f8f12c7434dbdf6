namespace Compliance.Engine.Ingest;

/// <summary>
/// A <see cref="RawRow"/> seen through a file's header mapping: values by schema field, trimmed, empty when the
/// file has no such column. Also names the column as the file wrote it, for rejects.
/// </summary>
internal sealed class FieldRow
{
    private readonly int[] _columnOfField;
    private readonly IReadOnlyList<string> _headers;

    public FieldRow(FeedSchema schema, int[] columnOfField, IReadOnlyList<string> headers)
    {
        Schema = schema;
        _columnOfField = columnOfField;
        _headers = headers;
    }

    public FeedSchema Schema { get; }

    /// <summary>A view with the same header mapping and a row of its own, for another thread.</summary>
    public FieldRow Copy() => new(Schema, _columnOfField, _headers);

    /// <summary>The row seen; a reader may point the view at each row of a batch in turn.</summary>
    public RawRow Raw { get; set; } = new();

    public int Line => Raw.Line;

    /// <summary>The trimmed value; empty or only white space (full-width too) reads as empty.</summary>
    public ReadOnlySpan<char> this[int field]
    {
        get
        {
            var column = _columnOfField[field];
            return column < 0 ? [] : Whitespace.Trim(Raw[column]);
        }
    }

    public bool IsEmpty(int field) => this[field].IsEmpty;

    /// <summary>The value as the file holds it (quotes removed, spaces kept), for the reject's value.</summary>
    public string RawValue(int field)
    {
        var column = _columnOfField[field];
        return column < 0 ? "" : Raw[column].ToString();
    }

    /// <summary>The header as written in the file, or the Chinese name when the file has no such column.</summary>
    public string ColumnName(int field)
    {
        var column = _columnOfField[field];
        return column < 0 ? Schema.Columns[field].Chinese : _headers[column];
    }
}
