using System.Text;

namespace Compliance.Host.Generation;

/// <summary>
/// Writes one feed file row by row (RFC 4180 quoting, CRLF between rows as office exports do) and keeps count
/// of physical lines, so that the line where each row starts is known when it is written.
/// </summary>
internal sealed class CsvFeedWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new(256);

    public CsvFeedWriter(string path, Encoding encoding, IReadOnlyList<string> headers)
    {
        Path = path;
        Headers = headers;
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        _writer = new StreamWriter(stream, encoding, bufferSize: 1 << 16);
        Write(headers);
    }

    public string Path { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>The physical line the next row starts on.</summary>
    public int NextLine { get; private set; } = 1;

    /// <summary>Lines written so far.</summary>
    public int Lines => NextLine - 1;

    /// <summary>Writes one row and returns the physical line it starts on.</summary>
    public int Write(IReadOnlyList<string> fields)
    {
        var line = NextLine;
        _line.Clear();
        var breaks = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                _line.Append(',');
            }
            breaks += Append(fields[i]);
        }
        _line.Append("\r\n");
        _writer.Write(_line);
        NextLine += 1 + breaks;
        return line;
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Appends a field, quoted when it holds a comma, a quote or a line break; returns the line breaks it holds.</summary>
    private int Append(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _line.Append(field);
            return 0;
        }
        var breaks = 0;
        _line.Append('"');
        foreach (var c in field)
        {
            if (c == '"')
            {
                _line.Append('"');
            }
            else if (c == '\n')
            {
                breaks++;
            }
            _line.Append(c);
        }
        _line.Append('"');
        return breaks;
    }
}
