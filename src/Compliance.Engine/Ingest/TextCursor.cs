using System.Text;

namespace Compliance.Engine.Ingest;

/// <summary>
/// A second reader over a text that follows a first one, which reports where it is by line and position but keeps
/// no text of its own: Newtonsoft's reader after a number it cannot hold. Positions are Newtonsoft's: lines from 1,
/// each LF, CRLF or lone CR ending one, and a position counts the chars of its line before the point. The text is
/// opened only when first asked for, so a reader that never needs it pays nothing, and it moves forward only, so
/// following a reader through a whole file costs one more reading of it at most.
/// </summary>
internal sealed class TextCursor : IDisposable
{
    private readonly Func<TextReader> _open;
    private readonly char[] _buffer = new char[4096];
    private readonly StringBuilder _run = new();
    private readonly StringBuilder _capture = new();
    private TextReader? _text;
    private int _next;
    private int _end;
    private int _line = 1;
    private int _position;
    private bool _afterCr;
    private bool _capturing;
    private int _captureLimit;
    private bool _truncated;

    public TextCursor(Func<TextReader> open)
    {
        _open = open;
    }

    /// <summary>
    /// The number that ends at <paramref name="line"/>, <paramref name="position"/>: the chars before that point that
    /// a JSON number may consist of (Newtonsoft's set: digits, signs, points, exponents and hexadecimal letters),
    /// or the literal <c>NaN</c>, <c>Infinity</c> or <c>-Infinity</c> that ends there.
    /// </summary>
    public string NumberEndingAt(int line, int position)
    {
        MoveTo(line, position);
        return _run.ToString();
    }

    /// <summary>Starts keeping the text from <paramref name="line"/>, <paramref name="position"/> on, at most <paramref name="limit"/> chars of it.</summary>
    public void StartCapture(int line, int position, int limit)
    {
        MoveTo(line, position);
        _capture.Clear();
        _capturing = true;
        _captureLimit = limit;
        _truncated = false;
    }

    /// <summary>The text kept since <see cref="StartCapture"/> up to the given point, ending in “…” when it was cut short.</summary>
    public string EndCapture(int line, int position)
    {
        MoveTo(line, position);
        _capturing = false;
        return _truncated ? _capture.Append('…').ToString() : _capture.ToString();
    }

    public void Dispose()
    {
        _text?.Dispose();
    }

    private void MoveTo(int line, int position)
    {
        _text ??= _open();
        while (_line < line || (_line == line && _position < position))
        {
            if (_next == _end)
            {
                _end = _text.Read(_buffer, 0, _buffer.Length);
                _next = 0;
                if (_end == 0)
                {
                    return;
                }
            }
            Take(_buffer[_next++]);
        }
    }

    private void Take(char c)
    {
        if (c == '\n' && _afterCr)
        {
            // The LF of a CRLF: the CR already began the new line.
            _afterCr = false;
        }
        else if (c is '\n' or '\r')
        {
            _line++;
            _position = 0;
            _afterCr = c == '\r';
        }
        else
        {
            _position++;
            _afterCr = false;
        }
        if (IsNumberChar(c))
        {
            _run.Append(c);
        }
        else
        {
            _run.Clear();
        }
        if (_capturing)
        {
            Keep(c);
        }
    }

    private void Keep(char c)
    {
        if (_truncated)
        {
            return;
        }
        if (_capture.Length == _captureLimit || (_capture.Length == _captureLimit - 1 && char.IsHighSurrogate(c)))
        {
            _truncated = true;
            return;
        }
        _capture.Append(c);
    }

    /// <summary>Newtonsoft's number chars and the letters of NaN and Infinity.</summary>
    private static bool IsNumberChar(char c) =>
        char.IsAsciiDigit(c) || c is '-' or '+' or '.' or 'x' or 'X' or 'N' or 'I' or 'n' or 'i' or 't' or 'y'
        || char.IsAsciiHexDigit(c);
}
