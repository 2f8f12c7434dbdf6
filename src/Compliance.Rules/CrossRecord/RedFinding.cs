namespace Compliance.Rules.CrossRecord;

/// <summary>
/// A red finding of this run, reduced to what the warning-talk rule needs. The subject keeps two findings
/// of one unit, rule and day distinct: NRules identifies record facts by value.
/// </summary>
public sealed record RedFinding(string Unit, string Rule, string Subject, DateOnly OccurredOn);
