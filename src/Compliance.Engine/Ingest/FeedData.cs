namespace Compliance.Engine.Ingest;

/// <summary>Everything read from one data folder: the accepted records, the rejects and the bookkeeping.</summary>
public sealed class FeedData
{
    public List<CaseRecord> Cases { get; } = [];
    public List<ProcedureRecord> Procedures { get; } = [];
    public List<ChargeRecord> Charges { get; } = [];
    public List<StageRecord> Stages { get; } = [];
    public List<Reject> Rejects { get; } = [];
    public List<InputFile> Files { get; } = [];

    /// <summary>Per feed name (cases, procedures, charges, stages).</summary>
    public SortedDictionary<string, FeedStats> Stats { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The case ids as reading filed them, positions in <see cref="Cases"/>: judging finds a charge's case through
    /// them instead of building a second index of a million ids. Null for records not read from files.
    /// </summary>
    internal KeyIndex<CaseRecord>? CaseKeys { get; set; }

    /// <summary>Unknown column headers per file name, listed once in the summary.</summary>
    public SortedDictionary<string, List<string>> UnknownColumns { get; } = new(StringComparer.Ordinal);

    public FeedStats StatsFor(string feed)
    {
        if (!Stats.TryGetValue(feed, out var s))
        {
            s = new FeedStats();
            Stats[feed] = s;
        }
        return s;
    }
}
