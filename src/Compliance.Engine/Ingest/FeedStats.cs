namespace Compliance.Engine.Ingest;

/// <summary>Rows read, accepted, rejected and counted-once duplicates of one feed.</summary>
public sealed class FeedStats
{
    public int Read { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public int Duplicate { get; set; }

    /// <summary>Files of the feed refused whole (missing column, undecodable); their rows are in none of the counts above.</summary>
    public int FilesRejected { get; set; }
}
