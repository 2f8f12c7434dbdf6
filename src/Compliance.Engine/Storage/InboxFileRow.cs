namespace Compliance.Engine.Storage;

/// <summary>A file that arrived in the inbox, by content hash, so the same export twice does nothing new.</summary>
public sealed class InboxFileRow
{
    public long Id { get; set; }
    public required string Sha256 { get; set; }
    public required string Name { get; set; }
    public required string Feed { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary><c>accepted</c> or <c>rejected</c>.</summary>
    public required string Outcome { get; set; }

    public required string Reason { get; set; }
    public long? RunId { get; set; }
}
