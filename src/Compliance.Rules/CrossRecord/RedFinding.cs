namespace Compliance.Rules.CrossRecord;

/// <summary>A red finding of this run, reduced to what the warning-talk rule needs.</summary>
public sealed record RedFinding(string Unit, string Rule, DateOnly OccurredOn);
