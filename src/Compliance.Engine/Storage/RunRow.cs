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

    /// <summary>How many findings the run had (all of them, whether stored in full or as changes).</summary>
    public int FindingCount { get; set; }

    /// <summary>
    /// For an incremental run (same inputs and rule set as its base, a later date), the run it was judged from;
    /// its finding rows are then only the changes against that run. Null for a run stored in full.
    /// </summary>
    public long? BaseRunId { get; set; }

    /// <summary>How many finding rows the run wrote: <see cref="FindingCount"/> for a full run, the changes for an incremental one.</summary>
    public int StoredFindings { get; set; }

    public int RejectCount { get; set; }
    public int AlertsOpened { get; set; }
    public int AlertsChanged { get; set; }
    public int AlertsClosed { get; set; }
    public long DurationMs { get; set; }

    /// <summary>
    /// The run's summary.json, byte for byte what <c>compliance check</c> would have written; stored packed in
    /// column <c>Summary</c> (see <see cref="SummaryCodec"/>).
    /// </summary>
    public required string SummaryJson { get; set; }

    /// <summary>
    /// <see cref="RunState.Completed"/>, or <see cref="RunState.Failed"/> for a run that threw (a custom rule failing
    /// on the data, say): such a row has no findings, no summary and moved no alert, and is never a run's base.
    /// </summary>
    public string State { get; set; } = RunState.Completed;

    /// <summary>For a failed run, what went wrong, as the office reads it; null for a completed run.</summary>
    public string? Error { get; set; }

    /// <summary>
    /// For a failed run, the SHA-256 of its input files' names and hashes (see <see cref="RunInputs.Hash"/>): with the
    /// rule set, what makes two failures the same one. Null for a completed run.
    /// </summary>
    public string? InputsHash { get; set; }
}
