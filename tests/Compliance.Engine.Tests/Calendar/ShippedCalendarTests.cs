using Compliance.Engine.Calendar;
using Compliance.Engine.Tests.Catalog;

namespace Compliance.Engine.Tests.Calendar;

/// <summary>The shipped holiday-cn calendars against the figures computed in domain.md §3 and checks.md.</summary>
public sealed class ShippedCalendarTests
{
    private static WorkingCalendar Calendar => ShippedRules.RuleSet.Calendar;

    [Theory]
    [InlineData("2025-09-26", "2025-10-30")]
    [InlineData("2026-02-13", "2026-03-19")]
    [InlineData("2020-01-20", "2020-02-25")]
    public void AddWorkingDays_TwentyAfterAcceptance_MatchesDomainFigures(string accepted, string twentieth)
    {
        Calendar.AddWorkingDays(DateOnly.Parse(accepted, System.Globalization.CultureInfo.InvariantCulture), 20)
            .Should().Be(DateOnly.Parse(twentieth, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void WorkingDaysBetween_WholeYear_MatchesDomainFigures(int year, int workingDays)
    {
        Calendar.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)).Should().Be(workingDays);
    }

    [Fact]
    public void Classify_NationalDay2025_CountsMakeUpDaysAndHolidays()
    {
        Calendar.Classify(new DateOnly(2025, 9, 28)).Should().Be(DayKind.MakeUpWorkday);
        Calendar.Classify(new DateOnly(2025, 10, 1)).Should().Be(DayKind.Holiday);
        Calendar.Classify(new DateOnly(2025, 10, 8)).Should().Be(DayKind.Holiday);
        Calendar.Classify(new DateOnly(2025, 10, 11)).Should().Be(DayKind.MakeUpWorkday);
        Calendar.NameOf(new DateOnly(2025, 10, 1)).Should().Contain("国庆节");
    }

    [Fact]
    public void Classify_LateDecemberListedInNextYearsNotice_IsKnown()
    {
        Calendar.Classify(new DateOnly(2018, 12, 29)).Should().Be(DayKind.MakeUpWorkday);
        Calendar.Classify(new DateOnly(2018, 12, 31)).Should().Be(DayKind.Holiday);
        Calendar.Classify(new DateOnly(2022, 12, 31)).Should().Be(DayKind.Holiday);
    }

    [Fact]
    public void RollToWorkingDay_StageDeadlineOnNationalDay_MovesPastTheHoliday()
    {
        // checks.md worked example: 环评 报告表 started 2025-09-01, 30 calendar days.
        Calendar.RollToWorkingDay(new DateOnly(2025, 9, 1).AddDays(30)).Should().Be(new DateOnly(2025, 10, 9));
    }

    [Fact]
    public void CoveredYears_AreThoseOfTheShippedNotices()
    {
        Calendar.CoveredYears.Order().Should().Equal(2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
        Calendar.IsCovered(new DateOnly(2027, 1, 4)).Should().BeFalse();
        Calendar.IsCovered(new DateOnly(2017, 12, 29)).Should().BeFalse();
    }
}
