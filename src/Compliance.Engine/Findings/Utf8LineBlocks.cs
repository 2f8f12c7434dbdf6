using System.Buffers;

namespace Compliance.Engine.Findings;

/// <summary>
/// A UTF-8 text file cut into blocks of whole lines, without decoding it: lines end as
/// <see cref="StreamReader.ReadLine"/> ends them (<c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>) and are numbered
/// as it would count them. Those bytes never occur inside a multi-byte character, so a line's bytes decode to
/// exactly the line the reader would give. Each block's buffer is rented; its owner returns it with
/// <see cref="Block.Dispose"/>.
/// </summary>
internal sealed class Utf8LineBlocks : IDisposable
{
    private readonly Stream _stream;
    private readonly int _linesPerBlock;
    private byte[] _buffer;
    private int _start;
    private int _filled;
    private bool _ended;
    private int _lineNumber;

    /// <param name="stream">Positioned after any byte order mark.</param>
    /// <param name="linesPerBlock">How many non-empty lines at most go into one block.</param>
    public Utf8LineBlocks(Stream stream, int linesPerBlock, int bufferSize = 1 << 21)
    {
        _stream = stream;
        _linesPerBlock = linesPerBlock;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
    }

    /// <summary>A line's place in its block's buffer and its 1-based number in the file.</summary>
    public readonly record struct Line(int Start, int Length, int Number);

    /// <summary>Lines that lie in one buffer. Empty lines are counted but not listed.</summary>
    public sealed class Block(byte[] buffer, List<Line> lines) : IDisposable
    {
        public IReadOnlyList<Line> Lines => lines;

        public ReadOnlySpan<byte> Bytes(Line line) => buffer.AsSpan(line.Start, line.Length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>The next block, or null at the end of the file.</summary>
    public Block? Next()
    {
        var lines = new List<Line>(_linesPerBlock);
        while (lines.Count < _linesPerBlock)
        {
            if (!TryTakeLine(out var line))
            {
                if (_ended)
                {
                    break;
                }
                Refill(keepFrom: lines.Count == 0 ? _start : lines[0].Start, lines);
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }
        if (lines.Count == 0)
        {
            return null;
        }
        // The listed lines stay in this buffer and go with the block; the rest is copied into a fresh one.
        var block = new Block(_buffer, lines);
        var rest = _filled - _start;
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length, rest + 1));
        _buffer.AsSpan(_start, rest).CopyTo(next);
        _buffer = next;
        _start = 0;
        _filled = rest;
        return block;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    // A line is taken only when its end is certain: a \r at the end of what is read may be the first half of \r\n.
    private bool TryTakeLine(out Line line)
    {
        var unread = _buffer.AsSpan(_start, _filled - _start);
        var end = unread.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0 || (unread[end] == '\r' && end + 1 == unread.Length && !_ended))
        {
            if (_ended && unread.Length > 0)
            {
                line = new Line(_start, unread.Length, ++_lineNumber);
                _start = _filled;
                return true;
            }
            line = default;
            return false;
        }
        line = new Line(_start, end, ++_lineNumber);
        var breakLength = unread[end] == '\r' && end + 1 < unread.Length && unread[end + 1] == '\n' ? 2 : 1;
        _start += end + breakLength;
        return true;
    }

    // Reads more of the file, first making room: the bytes from keepFrom on (lines already listed, the unfinished
    // line) move to the front of the buffer, or into a larger one when they fill it.
    private void Refill(int keepFrom, List<Line> lines)
    {
        if (_filled == _buffer.Length)
        {
            var kept = _filled - keepFrom;
            var target = keepFrom == 0 ? ArrayPool<byte>.Shared.Rent(_buffer.Length * 2) : _buffer;
            _buffer.AsSpan(keepFrom, kept).CopyTo(target);
            if (target != _buffer)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = target;
            }
            for (var i = 0; i < lines.Count; i++)
            {
                lines[i] = lines[i] with { Start = lines[i].Start - keepFrom };
            }
            _start -= keepFrom;
            _filled = kept;
        }
        var read = _stream.Read(_buffer, _filled, _buffer.Length - _filled);
        if (read == 0)
        {
            _ended = true;
        }
        _filled += read;
    }
}
