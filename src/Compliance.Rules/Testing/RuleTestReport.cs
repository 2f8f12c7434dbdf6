namespace Compliance.Rules.Testing;

/// <summary>Every test's result and the coverage of every rule of the rule set.</summary>
public sealed record RuleTestReport(IReadOnlyList<RuleTestResult> Results, IReadOnlyList<RuleCoverage> Coverage)
{
    public int Passed => Results.Count(r => r.Passed);
    public int Failed => Results.Count(r => !r.Passed);

    /// <summary>Fired and silent both count: 100 means every rule was seen to fire and to stay silent.</summary>
    public double CoveragePercent => Coverage.Count == 0 ? 100 : 100.0 * Coverage.Sum(c => c.Points) / (2 * Coverage.Count);
}
