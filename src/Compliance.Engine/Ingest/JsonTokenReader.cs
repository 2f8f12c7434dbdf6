using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace Compliance.Engine.Ingest;

/// <summary>
/// The tokens of a JSON feed through Newtonsoft's reader, comments skipped, with every number kept as the text the
/// file wrote. Newtonsoft turns each number into a long, BigInteger or decimal as it reads it: it rounds one with
/// more digits than a decimal holds (0.000000000000000000000000000001 is 0), reads a leading zero as octal and 0x
/// as hex (010 is 8), and throws for one beyond those types (1e400, an integer of more than 380 digits) whatever
/// field it is in. None of that is what the file says, and a value out of range is not broken syntax: it must cost
/// its row only, as a bad amount in a CSV does. So a number's text is taken from a <see cref="TextCursor"/>
/// following behind, and the field parsers judge it as they judge a CSV value (an exponent written out by
/// <see cref="JsonNumberText"/>). Newtonsoft leaves its reader able to go on after a number it cannot hold (the
/// token is Undefined, the state after a value: no other error leaves that pair, save one just after such a number
/// or after a literal <c>undefined</c>, where no number ends). <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c>,
/// which Newtonsoft reads as numbers but refuses as decimals, leaving its reader before the value in the state it
/// was in, are made the number token they are and judged by the field parsers as written, so they too cost their row
/// only. A token that is no JSON number at all (<c>1.2.3</c>, a lone <c>-</c>, <c>NaNx</c>) stays the syntax error
/// it was, with its line and column.
/// </summary>
internal sealed partial class JsonTokenReader : IDisposable
{
    /// <summary>
    /// A nested element can hold the rest of the file (the rows wrapped in one more array); a reject keeps this many
    /// chars of its text and an ellipsis.
    /// </summary>
    private const int MaxElementText = 200;

    private readonly StateReader _reader;
    private readonly TextCursor _cursor;
    private readonly bool _numberTexts;
    private string? _number;

    /// <param name="text">The file's text.</param>
    /// <param name="reread">Opens the same text again from its start, for the text of a number Newtonsoft could not hold.</param>
    /// <param name="names">Shares the instances of the keys between readers of one file.</param>
    /// <param name="numberTexts">
    /// False for a reader that only skips values (the first pass, for the keys): it takes a number's text only when
    /// Newtonsoft could not hold it, to tell a number out of range from broken syntax.
    /// </param>
    public JsonTokenReader(TextReader text, Func<TextReader> reread, DefaultJsonNameTable names, bool numberTexts = true)
    {
        _numberTexts = numberTexts;
        _reader = new StateReader(text)
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            PropertyNameTable = names,
            CloseInput = true,
        };
        _cursor = new TextCursor(reread);
    }

    /// <summary>Newtonsoft's token; a number it could not hold is a <see cref="JsonToken.Float"/>.</summary>
    public JsonToken TokenType => _number is null || _reader.TokenType != JsonToken.Undefined ? _reader.TokenType : JsonToken.Float;

    public object? Value => _reader.Value;

    public int LineNumber => _reader.LineNumber;

    /// <summary>Reads the next token that is not a comment.</summary>
    public bool Read()
    {
        _number = null;
        while (true)
        {
            bool read;
            try
            {
                read = _reader.Read();
            }
            catch (JsonReaderException) when (_reader.TokenType == JsonToken.Undefined && _reader.AfterValue)
            {
                var text = _cursor.NumberEndingAt(_reader.LineNumber, _reader.LinePosition);
                if (!JsonNumber().IsMatch(text))
                {
                    throw;
                }
                _number = text;
                return true;
            }
            catch (JsonReaderException) when (!_reader.AfterValue)
            {
                var text = _cursor.NumberEndingAt(_reader.LineNumber, _reader.LinePosition);
                if (!_reader.TryEndNonFinite(text))
                {
                    throw;
                }
                _number = text;
                return true;
            }
            if (!read)
            {
                return false;
            }
            if (_numberTexts && _reader.TokenType is JsonToken.Integer or JsonToken.Float)
            {
                _number = _cursor.NumberEndingAt(_reader.LineNumber, _reader.LinePosition);
                return true;
            }
            if (_reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }
    }

    /// <summary>The value of a scalar token as a field reads it: numbers as the file wrote them, null as empty.</summary>
    public string Text() => TokenType switch
    {
        JsonToken.Null or JsonToken.Undefined => "",
        JsonToken.String => (string)_reader.Value!,
        JsonToken.Boolean => (bool)_reader.Value! ? "true" : "false",
        _ => _number is { } number ? JsonNumberText.Plain(number) : Convert.ToString(_reader.Value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Moves past the value that the current token starts, if it starts one, whatever numbers it holds.</summary>
    public void Skip()
    {
        if (!IsStart(TokenType))
        {
            return;
        }
        var depth = _reader.Depth;
        while (Read() && _reader.Depth > depth)
        {
        }
    }

    /// <summary>
    /// The current value as JSON text, for a reject: a scalar written as JSON writes it (a string in quotes), an
    /// array or constructor as the file wrote it, line breaks included, cut after <see cref="MaxElementText"/> chars.
    /// Moves past the value.
    /// </summary>
    public string ElementText()
    {
        switch (TokenType)
        {
            case JsonToken.String:
                return JsonConvert.ToString((string)_reader.Value!);
            case JsonToken.Null:
                return "null";
            case JsonToken.Undefined:
                return "undefined";
            case JsonToken.Integer or JsonToken.Float when _number is { } number:
                return number;
            case var start when IsStart(start):
                // The reader stands just after the opening bracket or parenthesis.
                var prefix = start == JsonToken.StartConstructor ? $"new {_reader.Value}" : "";
                _cursor.StartCapture(_reader.LineNumber, _reader.LinePosition - 1, MaxElementText - prefix.Length);
                Skip();
                return prefix + _cursor.EndCapture(_reader.LineNumber, _reader.LinePosition);
            default:
                return Text();
        }
    }

    public void Dispose()
    {
        ((IDisposable)_reader).Dispose();
        _cursor.Dispose();
    }

    private static bool IsStart(JsonToken token) =>
        token is JsonToken.StartObject or JsonToken.StartArray or JsonToken.StartConstructor;

    /// <summary>Newtonsoft's reader, telling whether it stands after a value.</summary>
    private sealed class StateReader(TextReader text) : JsonTextReader(text)
    {
        public bool AfterValue => CurrentState == State.PostValue;

        /// <summary>
        /// After Newtonsoft refused <paramref name="text"/>, the literal it has just read in full: makes it the
        /// number token that Newtonsoft would have made of it when reading doubles, the reader then standing after
        /// it as after any value. False for any other text.
        /// </summary>
        public bool TryEndNonFinite(string text)
        {
            double? value = text switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => null,
            };
            if (value is null)
            {
                return false;
            }
            SetToken(JsonToken.Float, value.Value);
            return true;
        }
    }

    /// <summary>A number as RFC 8259 writes it.</summary>
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
