namespace Compliance.Engine.Storage;

/// <summary>The latest run that found an alert's breach, and that run's as-of date.</summary>
public sealed class AlertSighting
{
    public long LastSeenRunId { get; set; }
    public DateOnly LastSeenAsOf { get; set; }
}
