using Newtonsoft.Json;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A JSON array of objects keyed by column name. The headers are the keys in order of first appearance across
/// all objects, found by a first pass, so that a missing required column rejects the file before any row is
/// taken, as for CSV; a key an object leaves out reads as empty. A row's line is the line of its opening brace.
/// Numbers reach the field parsers as the file wrote them, also one beyond any .NET number (<see cref="JsonTokenReader"/>),
/// and strings are never turned into dates. An element that is not an object is a bad row whose value is its JSON
/// text (<see cref="JsonTokenReader.ElementText"/>), as a CSV row of the wrong width is one whose value is its line.
/// </summary>
internal sealed class JsonFeedSource : FeedSource
{
    private readonly Func<TextReader> _open;
    private readonly Func<TextReader> _reread;
    private readonly List<string> _headers = [];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly DefaultJsonNameTable _names = new();
    private string?[] _values = [];
    private int _objects;
    private JsonTokenReader? _reader;

    /// <param name="open">Opens the file's text; called once per pass.</param>
    /// <param name="reread">Opens it again beside a pass, for the text of what the pass's reader did not keep.</param>
    public JsonFeedSource(Func<TextReader> open, Func<TextReader> reread)
    {
        _open = open;
        _reread = reread;
        ReadHeaders();
    }

    public override IReadOnlyList<string> Headers => _headers;

    public override bool HasColumns => _objects > 0;

    public override bool MoveNext(RawRow row)
    {
        try
        {
            if (_reader is null)
            {
                _reader = NewReader();
                ReadStartOfArray(_reader);
            }
            if (!_reader.Read() || _reader.TokenType == JsonToken.EndArray)
            {
                return false;
            }
            row.Start(_reader.LineNumber);
            if (_reader.TokenType != JsonToken.StartObject)
            {
                row.MarkBad("数组元素不是对象", _reader.ElementText());
                return true;
            }
            ReadObject(_reader, row);
            return true;
        }
        catch (JsonReaderException e)
        {
            throw Unreadable(e);
        }
    }

    public override void Dispose()
    {
        _reader?.Dispose();
    }

    private void ReadObject(JsonTokenReader reader, RawRow row)
    {
        Array.Clear(_values);
        string? problem = null;
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            reader.Read();
            var column = _columns[name];
            if (_values[column] is not null)
            {
                problem ??= $"键“{name}”在同一对象中出现了两次";
            }
            if (reader.TokenType is JsonToken.StartObject or JsonToken.StartArray or JsonToken.StartConstructor)
            {
                reader.Skip();
                problem ??= $"键“{name}”的值不是文本或数字";
                _values[column] = "";
                continue;
            }
            _values[column] = reader.Text();
        }
        if (problem is not null)
        {
            row.MarkBad(problem, "");
            return;
        }
        foreach (var value in _values)
        {
            row.Add(value);
        }
    }

    private void ReadHeaders()
    {
        try
        {
            using var reader = NewReader(numberTexts: false);
            ReadStartOfArray(reader);
            var closed = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonToken.EndArray)
                {
                    closed = true;
                    break;
                }
                if (reader.TokenType != JsonToken.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                _objects++;
                while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
                {
                    var name = (string)reader.Value!;
                    if (!_columns.ContainsKey(name))
                    {
                        _columns.Add(name, _headers.Count);
                        _headers.Add(name);
                        _names.Add(name);
                    }
                    reader.Read();
                    reader.Skip();
                }
            }
            if (!closed)
            {
                // Newtonsoft ends quietly at the end of a truncated document.
                throw new FeedFileException($"JSON 内容不完整，第 {reader.LineNumber} 行之后数组没有结束");
            }
            if (reader.Read())
            {
                throw new FeedFileException($"第 {reader.LineNumber} 行：JSON 数组结束后还有内容");
            }
            _values = new string?[_headers.Count];
        }
        catch (JsonReaderException e)
        {
            throw Unreadable(e);
        }
    }

    private JsonTokenReader NewReader(bool numberTexts = true) => new(_open(), _reread, _names, numberTexts);

    private static void ReadStartOfArray(JsonTokenReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonToken.StartArray)
        {
            throw new FeedFileException("内容不是 JSON 数组（应为由对象组成的数组）");
        }
    }

    private static FeedFileException Unreadable(JsonReaderException e) =>
        new($"JSON 格式错误，位于第 {e.LineNumber} 行第 {e.LinePosition} 列", e);
}
