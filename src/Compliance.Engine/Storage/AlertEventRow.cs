namespace Compliance.Engine.Storage;

/// <summary>One transition of an alert: who, when, why, from which state to which.</summary>
public sealed class AlertEventRow
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }

    /// <summary>What happened: an <c>AlertAction</c> name or a system event (created, changed, sent, follow-up, auto-closed, reopened).</summary>
    public required string Action { get; set; }

    public required string FromState { get; set; }
    public required string ToState { get; set; }
    public required string Reason { get; set; }
    public long? RunId { get; set; }
}
