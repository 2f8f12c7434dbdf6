namespace Compliance.Engine.Storage;

/// <summary>One judgement of the current feeds, as recorded in the ledger's store.</summary>
public sealed class RunRow
{
    public long Id { get; set; }

    /// <summary>What started it: <c>inbox</c>, <c>daily</c>, <c>ingest</c>.</summary>
    public required string Trigger { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateOnly AsOf { get; set; }
    public required string RuleSetVersion { get; set; }
    public required string RuleSetHash { get; set; }

    /// <summary>The feeds whose files the run read, comma-separated in the contract's order.</summary>
    public required string Feeds { get; set; }

    public int FindingCount { get; set; }
    public int RejectCount { get; set; }
    public int AlertsOpened { get; set; }
    public int AlertsChanged { get; set; }
    public int AlertsClosed { get; set; }
    public long DurationMs { get; set; }

    /// <summary>The run's summary.json, byte for byte what <c>compliance check</c> would have written.</summary>
    public required string SummaryJson { get; set; }
}
