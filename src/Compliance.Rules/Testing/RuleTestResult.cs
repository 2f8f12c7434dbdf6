using Compliance.Engine.Findings;

namespace Compliance.Rules.Testing;

/// <summary>The outcome of one rule test: what failed (expected vs got) and every finding it produced.</summary>
public sealed record RuleTestResult(RuleTest Test, IReadOnlyList<string> Failures, IReadOnlyList<Finding> Findings, IReadOnlySet<string> JudgedSubjects)
{
    public bool Passed => Failures.Count == 0;
}
