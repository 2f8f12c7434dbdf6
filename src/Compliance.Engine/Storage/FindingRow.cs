using Compliance.Engine.Catalog;

namespace Compliance.Engine.Storage;

/// <summary>
/// A finding of one run, in the keys of findings.md. Written by <see cref="FindingBulkWriter"/>, never through
/// change tracking: a run may hold a million of them. A full run stores every finding; an incremental run (one
/// with a <see cref="RunRow.BaseRunId"/>) stores only what differs from its base run, so the findings of a run are
/// resolved with <see cref="RunFindings"/>, not read off its own rows.
/// </summary>
public sealed class FindingRow
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string Rule { get; set; }
    public Severity Severity { get; set; }
    public required string Subject { get; set; }
    public required string Unit { get; set; }
    public DateOnly AsOf { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Message { get; set; }
    public required string Basis { get; set; }
    public required string EvidenceJson { get; set; }
    public required string RuleSet { get; set; }
    public required string Fingerprint { get; set; }

    /// <summary>The ledger key of the alert this finding belongs to (see <c>AlertKey</c>).</summary>
    public required string AlertKey { get; set; }

    /// <summary>
    /// In an incremental run, the base run's finding under this alert key that this run no longer has; the row
    /// keeps that finding's content, so the latest row of a key always shows the figures last found.
    /// </summary>
    public bool Gone { get; set; }
}
