using Compliance.Engine.Calendar;
using Compliance.Engine.Tests.Catalog;

namespace Compliance.Engine.Tests.Calendar;

/// <summary>calendars/*.json: notices indexed by date, local adjustments, contradictions.</summary>
public sealed class HolidayNoticeReaderTests
{
    [Fact]
    public void Load_LocalAdjustmentAgreeingWithTheNotice_IsAccepted()
    {
        using var folder = TempRuleFolder.Valid().Write("calendars/2025-local.json", """
            { "year": 2025, "papers": ["本市调整"],
              "days": [
                { "name": "国庆节", "date": "2025-10-01", "isOffDay": true },
                { "name": "本市调休", "date": "2025-06-06", "isOffDay": true }
              ] }
            """);

        var calendar = folder.Load().Calendar;

        calendar.Classify(new DateOnly(2025, 6, 6)).Should().Be(DayKind.Holiday);
        calendar.Classify(new DateOnly(2025, 10, 1)).Should().Be(DayKind.Holiday);
        calendar.Classify(new DateOnly(2025, 10, 11)).Should().Be(DayKind.MakeUpWorkday);
    }

    [Fact]
    public void Validate_SameDateWithConflictingFlags_NamesBothPlaces()
    {
        using var folder = TempRuleFolder.Valid().Write("calendars/2025-local.json", """
            { "year": 2025, "papers": [],
              "days": [
                { "name": "国庆节", "date": "2025-10-01", "isOffDay": false }
              ] }
            """);

        folder.Problems().Should().Equal(
            "calendars/2025.json:3:30: 日期 2025-10-01 此处为休息日，而 calendars/2025-local.json:3:30 为调休上班日，相互矛盾");
    }

    [Fact]
    public void Load_DatesOfTheYearBefore_AreIndexedByDateButCoverOnlyTheNoticeYear()
    {
        using var folder = TempRuleFolder.Valid().Write("calendars/2019.json", """
            { "year": 2019, "papers": [],
              "days": [
                { "name": "元旦", "date": "2018-12-29", "isOffDay": false },
                { "name": "元旦", "date": "2018-12-31", "isOffDay": true }
              ] }
            """).Delete("calendars/2025.json");

        var calendar = folder.Load().Calendar;

        calendar.Classify(new DateOnly(2018, 12, 29)).Should().Be(DayKind.MakeUpWorkday);
        calendar.Classify(new DateOnly(2018, 12, 31)).Should().Be(DayKind.Holiday);
        calendar.CoveredYears.Should().Equal(2019);
        calendar.IsCovered(new DateOnly(2018, 12, 31)).Should().BeFalse();
    }

    [Fact]
    public void Validate_DateFarFromTheNoticeYear_Warns()
    {
        using var folder = TempRuleFolder.Valid().Write("calendars/2025.json", """
            { "year": 2025, "papers": [],
              "days": [ { "name": "国庆节", "date": "2052-10-01", "isOffDay": true } ] }
            """);

        var validation = folder.Validate();

        validation.IsValid.Should().BeTrue();
        validation.Warnings.Select(p => p.ToString()).Should().Equal(
            "calendars/2025.json:2:38: 日期 2052-10-01 不在本文件的 2025 年（或其前一年年末），请核对");
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public void Validate_DateAtTheEndOfTheRepresentableRange_WarnsInsteadOfCrashing(string date)
    {
        using var folder = TempRuleFolder.Valid().Write("calendars/2025.json", $$"""
            { "year": 2025, "papers": [],
              "days": [ { "name": "国庆节", "date": "{{date}}", "isOffDay": true } ] }
            """);

        var validation = folder.Validate();

        validation.Warnings.Select(p => p.ToString()).Should().Equal(
            $"calendars/2025.json:2:38: 日期 {date} 不在本文件的 2025 年（或其前一年年末），请核对");
        var calendar = validation.RuleSet!.Calendar;
        calendar.Classify(DateOnly.ParseExact(date, "yyyy-MM-dd")).Should().Be(DayKind.Holiday);
        calendar.WorkingDaysBetween(new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 31)).Should().Be(23);
    }

    [Fact]
    public void Validate_CalendarWithoutYear_ReportsIt()
    {
        using var folder = TempRuleFolder.Valid().Write("calendars/2025.json", """
            { "papers": [], "days": [] }
            """);

        folder.Problems().Should().Equal("calendars/2025.json:1:1: 缺少必填键 `year`");
    }

    [Fact]
    public void Validate_SeveralMissingYears_WarnsOnceWithTheRange()
    {
        using var folder = TempRuleFolder.Valid().Write("calendars/2021.json", """{ "year": 2021, "papers": [], "days": [] }""");

        folder.Validate().Warnings.Select(p => p.ToString()).Should().Equal(
            "calendars/2025.json:1:11: 缺少 2022–2024 年的日历：这些年份的日期无法判定工作日，涉及的时限将列为缺日历");
    }
}
