using Compliance.Engine.Calendar;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Evaluation;

/// <summary>
/// The day-by-day walk behind a clock, for explanations: the same counting as <see cref="CaseClock"/> and
/// <see cref="StageClock"/>, written out so a supervisor can check it against a paper calendar.
/// </summary>
public static class ClockWalk
{
    /// <summary>Days after acceptance up to <paramref name="through"/> (inclusive).</summary>
    public static IReadOnlyList<WalkDay> ForCase(CaseFacts facts, WorkingCalendar calendar, DateOnly through)
    {
        var stops = facts.StopIntervals;
        var days = new List<WalkDay>();
        var count = 0;
        for (var d = facts.Accepted.AddDays(1); d <= through; d = d.AddDays(1))
        {
            var kind = calendar.Classify(d);
            var working = calendar.IsWorkingDay(d);
            var stop = working ? StopCovering(stops, facts.Procedures, d) : null;
            var counted = working && stop is null;
            if (counted)
            {
                count++;
            }
            days.Add(new WalkDay(d, kind, counted, count, Reason(calendar, d, kind, stop)));
        }
        return days;
    }

    /// <summary>Days after the start up to <paramref name="through"/> (inclusive); calendar-day limits count every day.</summary>
    public static IReadOnlyList<WalkDay> ForStage(StageFacts facts, WorkingCalendar calendar, DateOnly through)
    {
        var days = new List<WalkDay>();
        var count = 0;
        var everyDay = facts.HasLimit && !facts.WorkingDays;
        for (var d = facts.Started.AddDays(1); d <= through; d = d.AddDays(1))
        {
            var kind = calendar.Classify(d);
            var counted = everyDay || calendar.IsWorkingDay(d);
            if (counted)
            {
                count++;
            }
            days.Add(new WalkDay(d, kind, counted, count, Reason(calendar, d, kind, null)));
        }
        return days;
    }

    private static string? StopCovering(IReadOnlyList<StopInterval> stops, IReadOnlyList<ProcedureRecord> procedures, DateOnly d)
    {
        foreach (var s in stops)
        {
            if (d >= s.From && d <= s.To)
            {
                var p = procedures.FirstOrDefault(p => p.Kind == ProcedureKind.Suspension && p.Start <= d && (p.End is null || p.End >= d));
                return p?.DisplayName ?? "暂停计时";
            }
        }
        return null;
    }

    private static string Reason(WorkingCalendar calendar, DateOnly d, DayKind kind, string? stop) => (kind, stop) switch
    {
        (_, not null) => $"暂停计时（{stop}）",
        (DayKind.Weekend, _) => "周末",
        (DayKind.Holiday, _) => $"法定节假日（{calendar.NameOf(d)}）",
        (DayKind.MakeUpWorkday, _) => $"调休上班（{calendar.NameOf(d)}）",
        _ => "工作日",
    };
}
