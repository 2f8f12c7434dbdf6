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
}
