using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Compliance.Engine.Catalog.Loading;

/// <summary>
/// One parsed rule file with its text, so that every token can be reported at the line and column where it
/// starts. Newtonsoft's line info points at a token's last character; rule authors expect its first.
/// </summary>
internal sealed class JsonSource
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string[] _lines;

    private JsonSource(string file, string text, JToken root)
    {
        File = file;
        Text = text;
        Root = root;
        // The line breaks Newtonsoft counts: \r\n, \n and a lone \r (not the Unicode separators ReplaceLineEndings knows).
        _lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
    }

    /// <summary>Path relative to the rule folder, with '/' separators.</summary>
    public string File { get; }

    public string Text { get; }

    public JToken Root { get; }

    public SourcePosition Start => new(File, 1, 1);

    /// <summary>
    /// Decodes and parses a file; on failure logs the problem (with the reader's line and column) and returns null.
    /// Numbers are read as decimals and dates stay strings, so nothing passes through binary floating point or
    /// a culture-dependent date parser.
    /// </summary>
    public static JsonSource? Parse(string file, byte[] bytes, ProblemLog log)
    {
        string text;
        try
        {
            var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            var (position, badByte) = FirstUndecodable(file, bytes);
            log.Error(position, $"文件不是有效的 UTF-8 编码：此处的字节 0x{badByte:X2} 无法解码（规则文件须保存为 UTF-8）");
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            log.Error(new SourcePosition(file, 1, 1), "文件为空，应为 JSON");
            return null;
        }

        using var reader = new JsonTextReader(new StringReader(text))
        {
            FloatParseHandling = FloatParseHandling.Decimal,
            DateParseHandling = DateParseHandling.None,
        };
        var settings = new JsonLoadSettings
        {
            LineInfoHandling = LineInfoHandling.Load,
            DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        };
        try
        {
            var root = JToken.ReadFrom(reader, settings);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    log.Error(new SourcePosition(file, Math.Max(1, reader.LineNumber), Math.Max(1, reader.LinePosition)),
                        "JSON 语法错误：文档结束后还有多余内容");
                    return null;
                }
            }
            return new JsonSource(file, text, root);
        }
        catch (JsonReaderException e)
        {
            log.Error(new SourcePosition(file, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition)),
                "JSON 语法错误：" + JsonSyntaxMessage.Translate(e.Message));
            return null;
        }
    }

    /// <summary>
    /// Where the first byte that is not UTF-8 stands, as line and column in the decoded text before it (the same
    /// line breaks and UTF-16 columns the reader reports), so that a rule author can find a GBK character pasted in.
    /// </summary>
    private static (SourcePosition Position, byte Byte) FirstUndecodable(string file, byte[] bytes)
    {
        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var rest = bytes.AsSpan(offset);
        var chars = new char[rest.Length];
        System.Text.Unicode.Utf8.ToUtf16(rest, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        var before = chars.AsSpan(0, charsWritten);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] == '\n' || (before[i] == '\r' && (i + 1 >= before.Length || before[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        var badByte = bytesRead < rest.Length ? rest[bytesRead] : (byte)0;
        return (new SourcePosition(file, line, before.Length - lineStart + 1), badByte);
    }

    public SourcePosition PositionOf(JToken token)
    {
        var info = (IJsonLineInfo)token;
        if (!info.HasLineInfo())
        {
            return Start;
        }
        var line = info.LineNumber;
        var column = info.LinePosition;
        if (line < 1 || line > _lines.Length)
        {
            return new SourcePosition(File, Math.Max(1, line), Math.Max(1, column));
        }
        var text = _lines[line - 1];
        var last = Math.Clamp(column - 1, 0, Math.Max(0, text.Length - 1));
        var start = token switch
        {
            JProperty => PropertyNameStart(text, last),
            JValue { Type: JTokenType.String } => QuotedStart(text, last),
            JValue => BareStart(text, last),
            _ => last,
        };
        return new SourcePosition(File, line, start + 1);
    }

    /// <summary>
    /// Where the character at <paramref name="offset"/> of a string value's text stands in the file, escapes
    /// counted as written: an error found inside an expression points at that character, not at the whole value.
    /// </summary>
    public SourcePosition PositionInString(JToken token, int offset)
    {
        var start = PositionOf(token);
        if (token is not JValue { Type: JTokenType.String } || start.Line > _lines.Length)
        {
            return start;
        }
        var text = _lines[start.Line - 1];
        var i = start.Column; // just past the opening quote (columns are 1-based)
        if (start.Column - 1 >= text.Length || text[start.Column - 1] is not ('"' or '\''))
        {
            return start;
        }
        for (var n = 0; n < offset && i < text.Length; n++)
        {
            i += text[i] != '\\' ? 1 : i + 1 < text.Length && text[i + 1] == 'u' ? 6 : 2;
        }
        return i < text.Length ? new SourcePosition(File, start.Line, i + 1) : start;
    }

    /// <summary>
    /// The source text of a number, true, false or null, so that literals the lenient reader accepts but JSON
    /// does not (010 read as octal 8, hex) can be refused.
    /// </summary>
    public string LiteralText(JToken token)
    {
        var info = (IJsonLineInfo)token;
        if (!info.HasLineInfo() || info.LineNumber < 1 || info.LineNumber > _lines.Length)
        {
            return token.ToString();
        }
        var text = _lines[info.LineNumber - 1];
        var last = Math.Clamp(info.LinePosition - 1, 0, Math.Max(0, text.Length - 1));
        var start = BareStart(text, last);
        return text.Length == 0 ? token.ToString() : text[start..(last + 1)];
    }

    // The reader stops a property on its colon: step back over it and the name to the opening quote.
    private static int PropertyNameStart(string text, int last)
    {
        var i = last;
        if (i < text.Length && text[i] == ':')
        {
            i--;
        }
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }
        if (i < 0)
        {
            return last;
        }
        return text[i] is '"' or '\'' ? QuotedStart(text, i) : BareStart(text, i);
    }

    private static int QuotedStart(string text, int closing)
    {
        if (closing >= text.Length || text[closing] is not ('"' or '\''))
        {
            return BareStart(text, closing);
        }
        var quote = text[closing];
        for (var i = closing - 1; i >= 0; i--)
        {
            if (text[i] == quote && !IsEscaped(text, i))
            {
                return i;
            }
        }
        return closing;
    }

    private static bool IsEscaped(string text, int i)
    {
        var backslashes = 0;
        for (var j = i - 1; j >= 0 && text[j] == '\\'; j--)
        {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static int BareStart(string text, int last)
    {
        var i = last;
        while (i > 0 && !IsDelimiter(text[i - 1]))
        {
            i--;
        }
        return i;
    }

    private static bool IsDelimiter(char c) => char.IsWhiteSpace(c) || c is ',' or ':' or '[' or '{' or ']' or '}';
}
