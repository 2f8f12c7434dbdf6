using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;

namespace Compliance.Engine.Tests.Findings;

public class FindingCountsTests
{
    [Fact]
    public void Of_NoFindings_ListsEverySeverityAtZero()
    {
        var counts = FindingCounts.Of([]);

        counts.Total.Should().Be(0);
        counts.BySeverity.Should().Equal(new Dictionary<string, int> { ["red"] = 0, ["warning"] = 0, ["yellow"] = 0 });
        counts.ByCode.Should().BeEmpty();
        counts.ByUnit.Should().BeEmpty();
    }

    [Fact]
    public void Of_FindingWithoutUnit_CountsItUnderNone()
    {
        var counts = FindingCounts.Of([Some.Finding(unit: ""), Some.Finding(unit: "U01", severity: Severity.Yellow)]);

        counts.ByUnit.Should().Equal(new Dictionary<string, int> { ["(none)"] = 1, ["U01"] = 1 });
        counts.CountOf(Severity.Red).Should().Be(1);
        counts.CountOf(Severity.Yellow).Should().Be(1);
    }

    [Fact]
    public void Of_CodesAndUnitsInAnyOrder_CountsThemSortedOrdinally()
    {
        var counts = FindingCounts.Of(
        [
            Some.Finding(rule: "fee.unknown", unit: "U02"),
            Some.Finding(rule: "case.overdue-statutory", unit: "U01", severity: Severity.Warning),
            Some.Finding(rule: "fee.unknown", unit: "U02"),
            Some.Finding(rule: "Z.custom", unit: "U01"),
        ]);

        counts.Total.Should().Be(4);
        counts.ByCode.Should().Equal(new Dictionary<string, int> { ["Z.custom"] = 1, ["case.overdue-statutory"] = 1, ["fee.unknown"] = 2 });
        counts.ByCode.Keys.Should().Equal("Z.custom", "case.overdue-statutory", "fee.unknown");
        counts.ByUnit.Keys.Should().Equal("U01", "U02");
        counts.ByUnit["U02"].Should().Be(2);
        counts.BySeverity.Should().Equal(new Dictionary<string, int> { ["red"] = 3, ["warning"] = 1, ["yellow"] = 0 });
    }

    [Fact]
    public void Of_FindingOfUnknownSeverity_Throws()
    {
        var act = () => FindingCounts.Of([Some.Finding(severity: (Severity)9)]);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
