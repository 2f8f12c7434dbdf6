using System.Globalization;
using Newtonsoft.Json;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A JSON array of objects keyed by column name. The headers are the keys in order of first appearance across
/// all objects, found by a first pass, so that a missing required column rejects the file before any row is
/// taken, as for CSV; a key an object leaves out reads as empty. A row's line is the line of its opening brace.
/// Numbers are taken as the text the file wrote (exponents written out, <see cref="JsonNumberText"/>) and strings
/// are never turned into dates, so values reach the field parsers as the file wrote them: a number Newtonsoft
/// would round (more digits than a decimal holds), refuse (beyond a decimal's range, NaN) or read as octal or hex
/// (010, 0x1A) is judged by the field's parser like the same text in a CSV. The first pass notes where the numbers
/// are, since only a number may be read as its text.
/// </summary>
internal sealed class JsonFeedSource : FeedSource
{
    private readonly Func<TextReader> _open;
    private readonly List<string> _headers = [];
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly DefaultJsonNameTable _names = new();
    private readonly List<(int Element, int Property)> _numbers = [];
    private string?[] _values = [];
    private int _objects;
    private JsonTextReader? _reader;
    private int _element = -1;
    private int _nextNumber;

    public JsonFeedSource(Func<TextReader> open)
    {
        _open = open;
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
                _reader = NewReader(_open());
                ReadStartOfArray(_reader);
            }
            _element++;
            if (IsNumber(_element, -1))
            {
                var number = JsonNumberText.Plain(_reader.ReadAsString()!);
                row.Start(_reader.LineNumber);
                row.MarkBad("数组元素不是对象", number);
                return true;
            }
            if (!ReadToken(_reader) || _reader.TokenType == JsonToken.EndArray)
            {
                return false;
            }
            row.Start(_reader.LineNumber);
            if (_reader.TokenType != JsonToken.StartObject)
            {
                // An array has no text of its own to show; null and booleans read as written, as values do.
                var text = _reader.TokenType switch
                {
                    JsonToken.Null or JsonToken.Undefined => "null",
                    JsonToken.StartArray => "",
                    _ => ToText(_reader),
                };
                _reader.Skip();
                row.MarkBad("数组元素不是对象", text);
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
        ((IDisposable?)_reader)?.Dispose();
    }

    private void ReadObject(JsonTextReader reader, RawRow row)
    {
        Array.Clear(_values);
        string? problem = null;
        for (var property = 0; ReadToken(reader) && reader.TokenType == JsonToken.PropertyName; property++)
        {
            var name = (string)reader.Value!;
            var column = _columns[name];
            if (_values[column] is not null)
            {
                problem ??= $"键“{name}”在同一对象中出现了两次";
            }
            if (IsNumber(_element, property))
            {
                _values[column] = JsonNumberText.Plain(reader.ReadAsString()!);
                continue;
            }
            ReadToken(reader);
            if (reader.TokenType is JsonToken.StartObject or JsonToken.StartArray)
            {
                reader.Skip();
                problem ??= $"键“{name}”的值不是文本或数字";
                _values[column] = "";
                continue;
            }
            _values[column] = ToText(reader);
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

    private static string ToText(JsonTextReader reader) => reader.TokenType switch
    {
        JsonToken.Null or JsonToken.Undefined => "",
        JsonToken.String => (string)reader.Value!,
        JsonToken.Boolean => (bool)reader.Value! ? "true" : "false",
        _ => Convert.ToString(reader.Value, CultureInfo.InvariantCulture) ?? "",
    };

    private void ReadHeaders()
    {
        try
        {
            using var reader = NewReader(_open());
            // Values are only skipped here: as doubles, no number can fail to read.
            reader.FloatParseHandling = FloatParseHandling.Double;
            ReadStartOfArray(reader);
            var closed = false;
            for (var element = 0; ReadToken(reader); element++)
            {
                if (reader.TokenType == JsonToken.EndArray)
                {
                    closed = true;
                    break;
                }
                if (reader.TokenType != JsonToken.StartObject)
                {
                    NoteNumber(reader, element, -1);
                    reader.Skip();
                    continue;
                }
                _objects++;
                for (var property = 0; ReadToken(reader) && reader.TokenType == JsonToken.PropertyName; property++)
                {
                    var name = (string)reader.Value!;
                    if (!_columns.ContainsKey(name))
                    {
                        _columns.Add(name, _headers.Count);
                        _headers.Add(name);
                        _names.Add(name);
                    }
                    ReadToken(reader);
                    NoteNumber(reader, element, property);
                    reader.Skip();
                }
            }
            if (!closed)
            {
                // Newtonsoft ends quietly at the end of a truncated document.
                throw new FeedFileException($"JSON 内容不完整，第 {reader.LineNumber} 行之后数组没有结束");
            }
            if (ReadToken(reader))
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

    private void NoteNumber(JsonTextReader reader, int element, int property)
    {
        if (reader.TokenType is JsonToken.Integer or JsonToken.Float)
        {
            _numbers.Add((element, property));
        }
    }

    /// <summary>Whether the value at this place is a number; asked in reading order, so a cursor walks the first pass's list.</summary>
    private bool IsNumber(int element, int property)
    {
        if (_nextNumber < _numbers.Count && _numbers[_nextNumber] == (element, property))
        {
            _nextNumber++;
            return true;
        }
        return false;
    }

    private JsonTextReader NewReader(TextReader text) => new(text)
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
        PropertyNameTable = _names,
        CloseInput = true,
    };

    private static void ReadStartOfArray(JsonTextReader reader)
    {
        if (!ReadToken(reader) || reader.TokenType != JsonToken.StartArray)
        {
            throw new FeedFileException("内容不是 JSON 数组（应为由对象组成的数组）");
        }
    }

    /// <summary>Reads the next token that is not a comment.</summary>
    private static bool ReadToken(JsonTextReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }
        return false;
    }

    private static FeedFileException Unreadable(JsonReaderException e) =>
        new($"JSON 格式错误，位于第 {e.LineNumber} 行第 {e.LinePosition} 列", e);
}
