using Compliance.Engine.Catalog;

namespace Compliance.Engine.Storage;

/// <summary>
/// One entry of the 挂账 ledger: one breach, however many runs find it. Rule, severity and the figures are those of
/// the latest finding that changed them; <see cref="State"/> is one of <c>AlertState</c>'s codes.
/// </summary>
public sealed class AlertRow
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string Rule { get; set; }
    public Severity Severity { get; set; }
    public required string Subject { get; set; }
    public required string Unit { get; set; }
    public required string Message { get; set; }
    public required string Basis { get; set; }
    public required string EvidenceJson { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Fingerprint { get; set; }
    public required string State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset StateChangedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public long FirstRunId { get; set; }

    /// <summary>The latest run that found the breach; kept in a table of its own (see <see cref="LedgerDb"/>).</summary>
    public required AlertSighting Sighting { get; set; }

    /// <summary>For a clock finding (case or stage), whether the clock was still running; null for other findings.</summary>
    public bool? ClockOpen { get; set; }

    /// <summary>Notices raised so far: the first, and one per change of rule or severity.</summary>
    public int Revision { get; set; }

    /// <summary>督办 follow-ups sent for the current overdue clock (0 none, 1 预警, 2 黄牌, 3 红牌).</summary>
    public int FollowUpLevel { get; set; }

    /// <summary>When the clock that follow-ups count from started: sending (unacknowledged) or acknowledgement (unrectified).</summary>
    public DateTimeOffset? FollowUpClockStart { get; set; }
}
