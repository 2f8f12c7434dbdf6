using Compliance.Engine.Catalog;
using Compliance.Rules.Evaluation;
using Compliance.Rules.Testing;
using FluentAssertions.Execution;

namespace Compliance.Rules.Tests.Testing;

/// <summary>
/// The rule tests shipped in rules/tests are the rule set's own unit tests: they must all pass, and together
/// they must see every rule of the shipped rule set both fire and stay silent.
/// </summary>
public class ShippedRuleTestsCoverageTests
{
    private static readonly string Rules = Path.Combine(Some.RepoRoot, "rules");

    private static readonly Lazy<(RuleTestReport Report, List<RuleSetProblem> Problems, IReadOnlyList<RuleTest> Tests)> Shipped = new(() =>
    {
        var problems = new List<RuleSetProblem>();
        var tests = RuleTestReader.ReadFolder(Rules, problems);
        var report = RuleTestRunner.Run(Checker.Create(RuleSetLoader.Load(Rules)), tests);
        return (report, problems, tests);
    });

    [Fact]
    public void Run_ShippedRuleTests_AllPassAndCoverEveryRule()
    {
        var (report, problems, tests) = Shipped.Value;
        var failed = report.Results
            .Where(r => !r.Passed)
            .Select(r => $"{r.Test.File}:{r.Test.Line} {r.Test.Name}: {string.Join(" | ", r.Failures)}")
            .ToList();
        var uncovered = report.Coverage
            .Where(c => c.Points < 2)
            .Select(c => c.Rule + (c.Fired ? "" : " (never fires)") + (c.Silent ? "" : " (never silent)"))
            .ToList();

        using (new AssertionScope())
        {
            problems.Select(p => p.ToString()).Should().BeEmpty("every shipped test file must read cleanly");
            tests.Should().NotBeEmpty();
            failed.Should().BeEmpty("every shipped rule test must pass; {0} failed:\n{1}", failed.Count, string.Join("\n", failed));
            report.CoveragePercent.Should().Be(100, "every rule must fire in some test and stay silent in some test; uncovered: {0}",
                uncovered.Count == 0 ? "(none)" : string.Join("; ", uncovered));
        }
    }

    [Fact]
    public void Run_ShippedRuleTests_CoverageCountsEveryBuiltInAndLocalRule()
    {
        var (report, _, _) = Shipped.Value;

        // A check disabled in settings.json would silently drop out of the coverage; the shipped set disables none.
        report.Coverage.Select(c => c.Rule).Should().Contain(BuiltInChecks.Codes)
            .And.Contain(["local.charge-before-acceptance", "local.long-suspension"]);
    }
}
