using Compliance.Engine.Catalog;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Workflows;

public class ShippedWorkflowsTests
{
    private static RuleSet Shipped()
    {
        var dir = Path.Combine(Some.RepoRoot, "rules", "workflows");
        var files = Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new WorkflowFile("workflows/" + Path.GetFileName(f), File.ReadAllText(f)));
        return Some.RuleSet(workflows: files);
    }

    [Fact]
    public void Check_ChargeBeforeAcceptance_LocalRuleFires()
    {
        var result = Checker.Create(Shipped()).Check(
            Some.Feeds([Some.Case(accepted: "2025-09-26", decided: "2025-10-10")], charges: [Some.Charge(on: "2025-09-25"), Some.Charge(id: "C0002", fee: "F0102", on: "2025-09-26")]),
            Some.Date("2025-12-31"));

        var f = result.Findings.Should().ContainSingle(x => x.Rule == "local.charge-before-acceptance").Subject;
        f.Subject.Should().Be("charge:C0001");
        f.Severity.Should().Be(Severity.Yellow);
        f.Message.Should().Be("缴款单C0001于2025-09-25收费，早于办件XK-2025-0001的受理日期2025-09-26（先收费后受理）");
    }

    [Theory]
    [InlineData("2025-11-18", false)] // stopped 30 working days: 10-09 (with 调休 10-11) … 11-18
    [InlineData("2025-11-19", true)]
    public void Check_LongSuspension_WarningAbove30StoppedDays(string end, bool expected)
    {
        var result = Checker.Create(Shipped()).Check(
            Some.Feeds([Some.Case(accepted: "2025-09-26", decided: "2025-12-30", statutory: 60, promised: 60)], [Some.Suspension("XK-2025-0001", "2025-10-09", end)]),
            Some.Date("2025-12-31"));

        result.Findings.Any(x => x.Rule == "local.long-suspension").Should().Be(expected);
    }
}
