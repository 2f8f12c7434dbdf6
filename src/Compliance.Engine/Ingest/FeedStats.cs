namespace Compliance.Engine.Ingest;

/// <summary>Rows read, accepted, rejected and counted-once duplicates of one feed.</summary>
public sealed class FeedStats
{
    public int Read { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public int Duplicate { get; set; }
}
