using Compliance.Engine.Catalog.Loading;

namespace Compliance.Engine.Calendar;

/// <summary>
/// Reads <c>calendars/*.json</c>, State Council holiday notices in the holiday-cn format, into one calendar.
/// Files are indexed by date, not by file: a notice may list late-December dates of the year before, and a
/// local adjustment is just one more file in the same format.
/// </summary>
internal static class HolidayNoticeReader
{
    public const string Folder = "calendars";

    private static readonly string[] RootKeys = ["$schema", "$id", "year", "papers", "days"];
    private static readonly string[] DayKeys = ["name", "date", "isOffDay"];

    // WorkingCalendar indexes a year either side of the covered range; keep the arithmetic far from DateOnly's ends.
    private const int MinYear = 1900;
    private const int MaxYear = 9000;

    /// <summary>The calendar, or null when there is no calendar file or none could be read.</summary>
    public static WorkingCalendar? Read(RuleFolder folder, ProblemLog log)
    {
        var files = folder.FilesIn(Folder, ".json");
        if (files.Count == 0)
        {
            log.Error(new SourcePosition(Folder + "/", 1, 1),
                "没有日历文件：calendars/ 下至少要有一个节假日安排文件（holiday-cn 格式）");
            return null;
        }
        var years = new SortedDictionary<int, SourcePosition>();
        var days = new Dictionary<DateOnly, (CalendarDay Day, SourcePosition At)>();
        foreach (var file in files)
        {
            var source = JsonSource.Parse(file, folder.Bytes(file), log);
            if (source is not null)
            {
                ReadNotice(source, years, days, log);
            }
        }
        if (years.Count == 0)
        {
            return null;
        }
        WarnAboutMissingYears(years, log);
        return new WorkingCalendar(years.Keys, days.Values.Select(d => d.Day));
    }

    private static void ReadNotice(
        JsonSource source,
        SortedDictionary<int, SourcePosition> years,
        Dictionary<DateOnly, (CalendarDay Day, SourcePosition At)> days,
        ProblemLog log)
    {
        var root = JsonFields.Of(source, source.Root, log, "日历文件的根");
        if (root is null)
        {
            return;
        }
        root.CheckKeys(RootKeys);
        var year = root.Int("year", min: MinYear, required: true);
        if (year > MaxYear)
        {
            log.Error(root.ValuePositionOf("year"), $"`year` 超出范围：{year}");
            year = null;
        }
        root.Strings("papers", required: true);
        var listed = root.Array("days", required: true);
        if (year is null)
        {
            return;
        }
        years.TryAdd(year.Value, root.ValuePositionOf("year"));
        foreach (var element in listed ?? [])
        {
            var fields = JsonFields.Of(source, element, log, "日历日期");
            if (fields is null)
            {
                continue;
            }
            fields.CheckKeys(DayKeys);
            var name = fields.String("name", required: true);
            var date = fields.Date("date", required: true);
            var isOffDay = fields.Bool("isOffDay", required: true);
            if (name is null || date is null || isOffDay is null)
            {
                continue;
            }
            var at = fields.ValuePositionOf("date");
            if (date.Value.Year != year && date.Value.Year != year - 1)
            {
                log.Warning(at, $"日期 {IsoDate.Format(date.Value)} 不在本文件的 {year} 年（或其前一年年末），请核对");
            }
            var day = new CalendarDay(date.Value, name, isOffDay.Value);
            if (days.TryGetValue(date.Value, out var earlier))
            {
                if (earlier.Day.IsOffDay != isOffDay.Value)
                {
                    log.Error(at,
                        $"日期 {IsoDate.Format(date.Value)} 此处为{Kind(isOffDay.Value)}，而 {earlier.At} 为{Kind(earlier.Day.IsOffDay)}，相互矛盾");
                }
                continue;
            }
            days[date.Value] = (day, at);
        }
    }

    private static string Kind(bool isOffDay) => isOffDay ? "休息日" : "调休上班日";

    /// <summary>A year between the earliest and the latest without a notice would leave its clocks unjudged.</summary>
    private static void WarnAboutMissingYears(SortedDictionary<int, SourcePosition> years, ProblemLog log)
    {
        var previous = (int?)null;
        foreach (var (year, at) in years)
        {
            if (previous is not null && year > previous + 1)
            {
                var missing = year - previous.Value == 2 ? $"{previous + 1}" : $"{previous + 1}–{year - 1}";
                log.Warning(at, $"缺少 {missing} 年的日历：这些年份的日期无法判定工作日，涉及的时限将列为缺日历");
            }
            previous = year;
        }
    }
}
