using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Compliance.Engine.Findings;

/// <summary>
/// JSON written straight into a UTF-8 byte buffer, byte for byte as Newtonsoft's <c>JsonTextWriter</c> writes it
/// with default settings over <see cref="Utf8Output"/> (compact, or indented by two spaces with <c>\n</c>). The
/// output files were first written through Newtonsoft; going through UTF-16 text and its per-token bookkeeping
/// cost most of a check's write phase, and earlier runs' files must stay comparable with a diff.
/// </summary>
/// <remarks>
/// Strings are escaped as Newtonsoft escapes them: <c>"</c>, <c>\</c>, control characters (the usual short forms,
/// otherwise <c>\u00xx</c> in lower-case hex) and U+0085, U+2028, U+2029; everything else, Chinese included, is
/// written as is. A lone surrogate is refused as the strict encoder of <see cref="Utf8Output"/> refuses it.
/// With a sink, the buffer is handed to it whenever it fills; without one it grows and the caller takes
/// <see cref="Written"/>. The writing methods are compiled optimized from their first call: a check calls them
/// millions of times in one go, and is over before tiered compilation would have got round to them.
/// </remarks>
internal sealed class JsonUtf8Writer : IDisposable
{
    private const int Indentation = 2;

    private static ReadOnlySpan<byte> LowerHex => "0123456789abcdef"u8;

    /// <summary>ASCII written as it is: printable, neither quote nor backslash.</summary>
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create([.. PlainAsciiCodes().Select(c => (char)c)]);

    /// <summary>As <see cref="PlainAscii"/>, for text already narrowed to bytes (the ids of packed keys).</summary>
    private static readonly SearchValues<byte> PlainAsciiBytes = SearchValues.Create([.. PlainAsciiCodes().Select(c => (byte)c)]);

    /// <summary>What ends a run of non-ASCII characters: ASCII, or a line break that is escaped.</summary>
    private static readonly SearchValues<char> NotInOtherRun =
        SearchValues.Create([.. Enumerable.Range(0, 0x80).Select(c => (char)c), '\u0085', '\u2028', '\u2029']);

    private readonly bool _indented;
    private readonly Stream? _sink;
    private byte[] _buffer;
    private int _length;

    // Per open container: whether it holds anything yet (a comma goes before every later item).
    private bool[] _hasItems = new bool[16];
    private int _depth;
    private bool _afterName;

    public JsonUtf8Writer(bool indented = false, Stream? sink = null, int capacity = 64 * 1024)
    {
        _indented = indented;
        _sink = sink;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Hands what is buffered to the sink.</summary>
    public void Flush()
    {
        if (_sink is not null && _length > 0)
        {
            _sink.Write(_buffer, 0, _length);
            _length = 0;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteStartObject() => Open((byte)'{');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteEndObject() => Close((byte)'}');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteStartArray() => Open((byte)'[');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteEndArray() => Close((byte)']');

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WritePropertyName(string name)
    {
        BeforeItem();
        WriteQuoted(name);
        AfterName();
    }

    /// <summary>A property name given as its UTF-8 form, which must need no escaping: the contract's fixed keys.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WritePropertyName(ReadOnlySpan<byte> plainName)
    {
        BeforeItem();
        Ensure(plainName.Length + 2);
        _buffer[_length++] = (byte)'"';
        plainName.CopyTo(_buffer.AsSpan(_length));
        _length += plainName.Length;
        _buffer[_length++] = (byte)'"';
        AfterName();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteNull() => WritePlain("null"u8);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteValue(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }
        BeforeValue();
        WriteQuoted(value);
    }

    /// <summary>
    /// A string given as its packed key (<see cref="OrdinalKey.TryCopyAscii"/>): written from the key when it holds
    /// the whole text and that needs no escaping, else from the string, as <see cref="WriteValue(string)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteValue(in OrdinalKey key)
    {
        BeforeValue();
        Ensure(18);
        var buffer = _buffer;
        var at = _length;
        if (key.TryCopyAscii(buffer.AsSpan(at + 1), out var length) && !buffer.AsSpan(at + 1, length).ContainsAnyExcept(PlainAsciiBytes))
        {
            buffer[at] = (byte)'"';
            buffer[at + 1 + length] = (byte)'"';
            _length = at + length + 2;
            return;
        }
        WriteQuoted(key.Text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteValue(int value) => WriteValue((long)value);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteValue(long value)
    {
        BeforeValue();
        Ensure(20);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteValue(bool value) => WritePlain(value ? "true"u8 : "false"u8);

    /// <summary>Yuan as a bare number with two decimals, as <see cref="EvidenceJson.Money"/> gives it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteMoney(decimal value)
    {
        BeforeValue();
        Ensure(40);
        EvidenceJson.Cents(value).TryFormat(_buffer.AsSpan(_length), out var written, EvidenceJson.MoneyFormat, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>A date as the string <see cref="EvidenceJson.Date"/> gives, digit by digit: the framework's custom formats are slow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteDate(DateOnly value)
    {
        BeforeValue();
        Ensure(12);
        var (year, month, day) = value;
        var buffer = _buffer;
        var length = _length;
        buffer[length++] = (byte)'"';
        buffer[length++] = (byte)('0' + (year / 1000));
        buffer[length++] = (byte)('0' + (year / 100 % 10));
        buffer[length++] = (byte)('0' + (year / 10 % 10));
        buffer[length++] = (byte)('0' + (year % 10));
        buffer[length++] = (byte)'-';
        buffer[length++] = (byte)('0' + (month / 10));
        buffer[length++] = (byte)('0' + (month % 10));
        buffer[length++] = (byte)'-';
        buffer[length++] = (byte)('0' + (day / 10));
        buffer[length++] = (byte)('0' + (day % 10));
        buffer[length++] = (byte)'"';
        _length = length;
    }

    /// <summary>A byte outside the JSON, such as the line break after each top-level value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteRaw(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WritePlain(ReadOnlySpan<byte> token)
    {
        BeforeValue();
        Ensure(token.Length);
        token.CopyTo(_buffer.AsSpan(_length));
        _length += token.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Open(byte bracket)
    {
        BeforeValue();
        WriteRaw(bracket);
        _depth++;
        if (_depth == _hasItems.Length)
        {
            Array.Resize(ref _hasItems, _hasItems.Length * 2);
        }
        _hasItems[_depth] = false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Close(byte bracket)
    {
        if (_indented && _hasItems[_depth])
        {
            NewLine(_depth - 1);
        }
        _depth--;
        WriteRaw(bracket);
    }

    // A value right after its property name follows the colon (and, indented, a space); any other value, like any
    // property name, is an item of its container: a comma after the first, and a fresh line when indented.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            if (_indented)
            {
                WriteRaw((byte)' ');
            }
            return;
        }
        BeforeItem();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BeforeItem()
    {
        if (_depth == 0)
        {
            return;
        }
        if (_hasItems[_depth])
        {
            WriteRaw((byte)',');
        }
        else
        {
            _hasItems[_depth] = true;
        }
        if (_indented)
        {
            NewLine(_depth);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AfterName()
    {
        WriteRaw((byte)':');
        _afterName = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void NewLine(int depth)
    {
        var width = depth * Indentation;
        Ensure(width + 1);
        _buffer[_length++] = (byte)'\n';
        _buffer.AsSpan(_length, width).Fill((byte)' ');
        _length += width;
    }

    // Runs of plain ASCII are found and narrowed to bytes vectorised, runs of other characters go through the strict
    // encoder whole, and what needs escaping is escaped one character at a time. Six bytes per character is the most
    // any takes (\u00xx), so room for that is made once and the loop needs no checks.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteQuoted(string value)
    {
        Ensure(checked((value.Length * 6) + 2));
        var buffer = _buffer;
        var length = _length;
        buffer[length++] = (byte)'"';
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var plain = rest.IndexOfAnyExcept(PlainAscii);
            if (plain < 0)
            {
                plain = rest.Length;
            }
            if (plain > 0)
            {
                System.Text.Ascii.FromUtf16(rest[..plain], buffer.AsSpan(length), out var narrowed);
                length += narrowed;
                rest = rest[plain..];
                continue;
            }
            var c = rest[0];
            if (c < 0x80 || IsEscapedLineBreak(c))
            {
                length = Escape(buffer, length, c);
                rest = rest[1..];
                continue;
            }
            var other = rest.IndexOfAny(NotInOtherRun);
            if (other < 0)
            {
                other = rest.Length;
            }
            length += Utf8Output.Encoding.GetBytes(rest[..other], buffer.AsSpan(length));
            rest = rest[other..];
        }
        buffer[length++] = (byte)'"';
        _length = length;
    }

    /// <summary>The one definition of <see cref="PlainAscii"/> and <see cref="PlainAsciiBytes"/>: both must agree, or a key written from its bytes would differ from its string.</summary>
    private static IEnumerable<int> PlainAsciiCodes() => Enumerable.Range(0x20, 0x60).Where(c => c is not ('"' or '\\'));

    private static bool IsEscapedLineBreak(char c) => c is '\u0085' or '\u2028' or '\u2029';

    private static int Escape(byte[] buffer, int length, char c)
    {
        buffer[length++] = (byte)'\\';
        var shortForm = c switch
        {
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            '\n' => (byte)'n',
            '\r' => (byte)'r',
            '\t' => (byte)'t',
            '\f' => (byte)'f',
            '\b' => (byte)'b',
            _ => (byte)0,
        };
        if (shortForm != 0)
        {
            buffer[length++] = shortForm;
            return length;
        }
        buffer[length++] = (byte)'u';
        for (var shift = 12; shift >= 0; shift -= 4)
        {
            buffer[length++] = LowerHex[(c >> shift) & 0xF];
        }
        return length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int count)
    {
        if (_buffer.Length - _length < count)
        {
            MakeRoom(count);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MakeRoom(int count)
    {
        Flush();
        if (_buffer.Length - _length >= count)
        {
            return;
        }
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
