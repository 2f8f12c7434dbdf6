namespace Compliance.Engine.Ingest;

/// <summary>
/// One feed's reading across its files: the records accepted so far, their keys, the file each came from, and
/// a parser for each of the two threads that parse rows (each with its own string pool; pools are not shared
/// between threads).
/// </summary>
internal sealed class FeedState<TRecord>
    where TRecord : class
{
    private readonly List<(int Start, string File)> _files = [];

    public FeedState(List<TRecord> accepted, RowParser<TRecord> parser, RowParser<TRecord> readAheadParser)
    {
        Accepted = accepted;
        Parser = parser;
        ReadAheadParser = readAheadParser;
        Keys = new KeyIndex<TRecord>(accepted, parser.Key ?? (static _ => ""));
    }

    public FeedSchema Schema => Parser.Schema;

    /// <summary>The parser of the thread that accepts rows.</summary>
    public RowParser<TRecord> Parser { get; }

    /// <summary>The parser of the thread that reads rows ahead.</summary>
    public RowParser<TRecord> ReadAheadParser { get; }

    /// <summary>The feed's accepted records, across all its files, in reading order.</summary>
    public List<TRecord> Accepted { get; }

    /// <summary>Keys of <see cref="Accepted"/>, for a feed with a key.</summary>
    public KeyIndex<TRecord> Keys { get; }

    public int FileCount => _files.Count;

    /// <summary>Whether <see cref="Accepted"/> was sized for the rest of the current file already.</summary>
    public bool ListReserved { get; set; }

    /// <summary>Notes that the records accepted from now on come from <paramref name="fileName"/>.</summary>
    public void StartFile(string fileName)
    {
        _files.Add((Accepted.Count, fileName));
        ListReserved = false;
    }

    /// <summary>The file the accepted record at <paramref name="index"/> came from.</summary>
    public string FileOf(int index)
    {
        // A file that added no records starts where the next one does; the record belongs to the later file.
        for (var i = _files.Count - 1; i > 0; i--)
        {
            if (_files[i].Start <= index)
            {
                return _files[i].File;
            }
        }
        return _files[0].File;
    }

    /// <summary>Takes back the records and files after the first <paramref name="accepted"/> records and <paramref name="files"/> files.</summary>
    public void Truncate(int accepted, int files)
    {
        Accepted.RemoveRange(accepted, Accepted.Count - accepted);
        Keys.Truncate(accepted);
        _files.RemoveRange(files, _files.Count - files);
    }
}
