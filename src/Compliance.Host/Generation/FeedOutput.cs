namespace Compliance.Host.Generation;

/// <summary>
/// One feed file being written: its data rows, the bad rows waiting for their place among them, and the last
/// plain row, which duplicate rows copy.
/// </summary>
internal sealed class FeedOutput : IDisposable
{
    private readonly GenerationSummary _summary;

    public FeedOutput(string feed, CsvFeedWriter writer, string encodingName, bool chineseHeaders, GenerationSummary summary)
    {
        Feed = feed;
        Writer = writer;
        EncodingName = encodingName;
        ChineseHeaders = chineseHeaders;
        _summary = summary;
    }

    public string Feed { get; }
    public string FileName => Path.GetFileName(Writer.Path);
    public CsvFeedWriter Writer { get; }
    public string EncodingName { get; }
    public bool ChineseHeaders { get; }

    /// <summary>Rows written to be accepted.</summary>
    public int DataRows { get; private set; }

    /// <summary>Bad rows still to write, each after a given number of data rows.</summary>
    public Queue<(int After, BadRowKind Kind)> Pending { get; } = new();

    /// <summary>The last plain row written (a compliant record nothing else refers to), its fields and line.</summary>
    public IReadOnlyList<string>? Template { get; private set; }

    public int TemplateLine { get; private set; }

    public object? TemplateRecord { get; private set; }

    /// <summary>The next data row is the one right before a pending bad row that must follow a multi-line field.</summary>
    public bool NextPrecedesBadRowAfterMultiline =>
        Pending.Count > 0 && Pending.Peek().Kind == BadRowKind.BadRowAfterMultiline && Pending.Peek().After == DataRows + 1;

    public int WriteData(IReadOnlyList<string> fields, object? plainRecord = null)
    {
        var line = Writer.Write(fields);
        DataRows++;
        if (plainRecord is not null)
        {
            Template = fields;
            TemplateLine = line;
            TemplateRecord = plainRecord;
        }
        return line;
    }

    public string Header(int column) => Writer.Headers[column];

    /// <summary>Records the file and its data rows in the summary.</summary>
    public void Report()
    {
        _summary.SetRows(Feed, DataRows);
        _summary.FileList.Add(new GeneratedFile(Feed, Writer.Path, EncodingName, ChineseHeaders, Writer.Lines));
    }

    public void Dispose() => Writer.Dispose();
}
