using Compliance.Engine.Catalog;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Evaluation;

public class ShippedRuleSetTests
{
    [Fact]
    public void Create_ShippedRules_CompilesEveryBuiltInAndCustomRule()
    {
        var ruleSet = RuleSetLoader.Load(Path.Combine(Some.RepoRoot, "rules"));

        var checker = Checker.Create(ruleSet);

        checker.RuleSet.Version.Should().Be("2026-01");
        checker.RuleSet.Workflows.Should().NotBeEmpty();
    }

    [Fact]
    public void Check_TrademarkFeeAfterHalving_OverStandardAgainstThe300Period()
    {
        var ruleSet = RuleSetLoader.Load(Path.Combine(Some.RepoRoot, "rules"));
        var data = Some.Feeds(
            [Some.Case(item: "X0107", decided: "2025-10-10", unit: "U01")],
            charges: [Some.Charge(fee: "F0102", amount: 600m, on: "2025-10-10")]);

        var f = Checker.Create(ruleSet).Check(data, Some.Date("2025-11-03")).Findings.Single(x => x.Subject == "charge:C0001");

        f.Rule.Should().Be("fee.over-standard");
        f.Evidence.TryGet("max", out var max).Should().BeTrue();
        max.Should().Be(300m);
        f.RuleSet.Should().StartWith("2026-01+");
    }
}
