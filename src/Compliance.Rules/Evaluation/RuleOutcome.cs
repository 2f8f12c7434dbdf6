namespace Compliance.Rules.Evaluation;

/// <summary>How one rule judged one subject: held (no finding) or not, and where the rule is written.</summary>
public sealed record RuleOutcome(string Rule, string Source, bool Held);
