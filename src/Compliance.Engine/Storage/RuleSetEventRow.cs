namespace Compliance.Engine.Storage;

/// <summary>A rule set the host loaded, or refused and kept the previous one, with the problems.</summary>
public sealed class RuleSetEventRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary><c>loaded</c> or <c>refused</c>.</summary>
    public required string Outcome { get; set; }

    public required string Label { get; set; }
    public required string Problems { get; set; }
}
