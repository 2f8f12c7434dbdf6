using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Evaluation;

/// <summary>The key-project clock of checks.md, working-day and calendar-day limits.</summary>
public static class StageClock
{
    /// <summary>
    /// Works out the clock of a stage started on or before <paramref name="asOf"/>; null with the first
    /// uncovered year when a day it needs is not in a covered year.
    /// </summary>
    public static StageFacts? Compute(
        StageRecord record,
        StageCatalog stages,
        Settings settings,
        WorkingCalendar calendar,
        DateOnly asOf,
        out int? uncoveredYear)
    {
        uncoveredYear = null;
        var facts = new StageFacts(record);
        var s = record.StartedOn;
        var completed = record.CompletedOn is { } c && c <= asOf ? c : (DateOnly?)null;
        facts.Open = completed is null;
        facts.End = completed ?? asOf;
        var e = facts.End;

        if (record.Limit is { } rowLimit)
        {
            facts.HasLimit = true;
            facts.Limit = rowLimit;
            facts.LimitUnit = record.LimitUnit ?? LimitUnit.Working;
            facts.LimitSource = LimitSource.Row;
            facts.WarnDays = settings.WarnDays;
            // The catalogue's basis is the law behind its own limit; for a stage the catalogue gives none (a filing,
            // "不计审批时限") it would contradict the row's limit.
            facts.Basis = stages.LimitFor(record.Stage, record.StageType) is { Limit: not null } limited ? limited.Basis : null;
        }
        else if (stages.LimitFor(record.Stage, record.StageType) is { Limit: { } n } entry)
        {
            facts.HasLimit = true;
            facts.Limit = n;
            facts.LimitUnit = entry.Unit;
            facts.LimitSource = LimitSource.Catalog;
            facts.WarnDays = entry.WarnDays ?? settings.WarnDays;
            facts.Basis = entry.Basis;
        }
        else
        {
            facts.WarnDays = settings.WarnDays;
            facts.Basis = stages.LimitFor(record.Stage, record.StageType)?.Basis;
        }

        if (!facts.HasLimit)
        {
            uncoveredYear = e > s ? calendar.FirstUncoveredYear(s.AddDays(1), e) : null;
            if (uncoveredYear is null)
            {
                facts.Used = calendar.WorkingDaysBetween(s, e);
            }
            return uncoveredYear is null ? facts : null;
        }

        if (facts.WorkingDays)
        {
            uncoveredYear = e > s ? calendar.FirstUncoveredYear(s.AddDays(1), e) : null;
            if (uncoveredYear is not null)
            {
                return null;
            }
            facts.Used = calendar.WorkingDaysBetween(s, e);
            var deadline = calendar.AddWorkingDays(s, facts.Limit);
            facts.DeadlineUncoveredYear = calendar.FirstUncoveredYear(s.AddDays(1), deadline);
            facts.Deadline = facts.DeadlineUncoveredYear is null ? deadline : null;
            facts.DaysLeft = facts.Limit - facts.Used;
            if (facts.Used > facts.Limit)
            {
                facts.BreachOn = calendar.AddWorkingDays(s, facts.Limit + 1);
            }
            return facts;
        }

        var nominal = s.AddDays(facts.Limit);
        var through = e > nominal ? e : nominal;
        uncoveredYear = calendar.FirstUncoveredYear(s.AddDays(1), through);
        if (uncoveredYear is not null)
        {
            return null;
        }
        var dl = calendar.RollToWorkingDay(nominal);
        if (calendar.FirstUncoveredYear(dl, dl) is { } rolledInto)
        {
            uncoveredYear = rolledInto;
            return null;
        }
        facts.NominalDeadline = nominal;
        facts.Deadline = dl;
        facts.Used = calendar.WorkingDaysBetween(s, e);
        facts.DaysLeft = dl.DayNumber - asOf.DayNumber;
        if (e > dl)
        {
            facts.BreachOn = dl.AddDays(1);
        }
        return facts;
    }
}
