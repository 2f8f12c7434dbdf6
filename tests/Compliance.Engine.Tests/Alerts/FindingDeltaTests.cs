using Compliance.Engine.Alerts;
using Compliance.Engine.Catalog;

namespace Compliance.Engine.Tests.Alerts;

public sealed class FindingDeltaTests
{
    private static readonly DateOnly NextDay = new(2025, 11, 4);

    [Fact]
    public void Between_SameFindingsNextDay_NothingToStore()
    {
        var before = Some.Finding();

        var delta = FindingDelta.Between([before], [Some.Finding(asOf: NextDay)]);

        delta.Count.Should().Be(0);
        delta.Keys.Should().BeEmpty();
    }

    [Fact]
    public void Between_FiguresGrew_StoresTheNewFinding()
    {
        var delta = FindingDelta.Between(
            [Some.Finding("case.overdue-statutory", "case:A", open: true, used: 25)],
            [Some.Finding("case.overdue-statutory", "case:A", open: true, used: 26, asOf: NextDay)]);

        delta.Current.Should().ContainSingle().Which.Evidence.TryGet("used", out var used).Should().BeTrue();
        used.Should().Be(26);
        delta.Gone.Should().BeEmpty();
        delta.Keys.Should().Equal("case-clock|case:A");
    }

    [Fact]
    public void Between_ClockClimbsToAnotherRule_OneKeyStoredAndNothingGone()
    {
        var delta = FindingDelta.Between(
            [Some.Finding("case.due-soon", "case:A", severity: Severity.Warning, open: true)],
            [Some.Finding("case.overdue-promised", "case:A", severity: Severity.Yellow, open: true, asOf: NextDay)]);

        delta.Current.Select(f => f.Rule).Should().Equal("case.overdue-promised");
        delta.Gone.Should().BeEmpty();
    }

    [Fact]
    public void Between_FindingDisappears_StoredGoneWithItsLastContent()
    {
        var vanished = Some.Finding(subject: "charge:C2");

        var delta = FindingDelta.Between([Some.Finding(), vanished], [Some.Finding(asOf: NextDay), Some.Finding(subject: "charge:C3", asOf: NextDay)]);

        delta.Gone.Should().Equal(vanished);
        delta.GoneKeys.Should().Equal(vanished.Fingerprint);
        delta.Current.Select(f => f.Subject).Should().Equal("charge:C3");
        delta.Count.Should().Be(2);
    }

    [Fact]
    public void Between_MessageOrSeverityChanged_Stored()
    {
        var before = Some.Finding();

        FindingDelta.Between([before], [before with { Message = "另一说法", AsOf = NextDay }]).Current.Should().ContainSingle();
        FindingDelta.Between([before], [before with { Severity = Severity.Yellow, AsOf = NextDay }]).Current.Should().ContainSingle();
    }
}
