using Compliance.Engine.Catalog;
using Compliance.Rules.Diffing;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Tests.Diffing;

public class FindingDiffTests
{
    [Fact]
    public void Compare_StandardLoweredAndCheckReSeveritied_AppearsAndSeverityChanged()
    {
        var data = Some.Feeds(
            [Some.Case(decided: "2025-10-10")],
            charges: [Some.Charge(id: "A", amount: 500m), Some.Charge(id: "B", fee: "F9999", amount: 1m)]);
        var before = Some.RuleSet(fees: [Some.Fee("F0101", Some.Period(max: 600m))]);
        var after = Some.RuleSet(
            fees: [Some.Fee("F0101", Some.Period(max: 400m))],
            settings: new Settings { Checks = new Dictionary<string, CheckOverride> { ["fee.unknown"] = new() { Severity = Severity.Yellow } } });
        var asOf = Some.Date("2025-11-03");

        var diff = FindingDiff.Compare(Checker.Create(before).Check(data, asOf).Findings, Checker.Create(after).Check(data, asOf).Findings);

        diff.Changes.Select(c => (c.Kind, c.Any.Rule, c.Any.Subject)).Should().Equal(
            (FindingChange.Appears, "fee.over-standard", "charge:A"),
            (FindingChange.SeverityChanged, "fee.unknown", "charge:B"));
        diff.ByCode().Should().Contain((FindingChange.Appears, "fee.over-standard", 1));
        diff.ByUnit().Should().Contain((FindingChange.Appears, "U01", 1));
    }

    [Fact]
    public void Compare_StandardLoweredUnderAnOverchargeAlreadyFound_ContentChanged()
    {
        var data = Some.Feeds([Some.Case(decided: "2025-10-10")], charges: [Some.Charge(id: "A", amount: 500m)]);
        var before = Some.RuleSet(fees: [Some.Fee("F0101", Some.Period(max: 400m))]);
        var after = Some.RuleSet(fees: [Some.Fee("F0101", Some.Period(max: 300m))]);
        var asOf = Some.Date("2025-11-03");

        var diff = FindingDiff.Compare(Checker.Create(before).Check(data, asOf).Findings, Checker.Create(after).Check(data, asOf).Findings);

        var change = diff.Changes.Should().ContainSingle().Subject;
        (change.Kind, change.Any.Rule, change.Any.Subject).Should().Be((FindingChange.ContentChanged, "fee.over-standard", "charge:A"));
        change.Before!.Message.Should().Contain("400.00");
        change.After!.Message.Should().Contain("300.00");
    }

    [Fact]
    public void Compare_SameRuleSetTwice_NoChange()
    {
        var data = Some.Feeds([Some.Case(decided: "2025-10-10")], charges: [Some.Charge(id: "A", amount: 500m)]);
        var rs = Some.RuleSet(fees: [Some.Fee("F0101", Some.Period(max: 400m))]);
        var asOf = Some.Date("2025-11-03");

        FindingDiff.Compare(Checker.Create(rs).Check(data, asOf).Findings, Checker.Create(rs).Check(data, asOf).Findings).Changes.Should().BeEmpty();
    }
}
