namespace Compliance.Engine.Alerts;

/// <summary>Carried by the office's notice of a failed run: which run, started how and when, with which rule set, and why it failed.</summary>
public sealed record RunFailureNotice
{
    public required long RunId { get; init; }
    public required string Trigger { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string AsOf { get; init; }
    public required string RuleSet { get; init; }
    public required string InputsHash { get; init; }
    public required string Error { get; init; }
}
