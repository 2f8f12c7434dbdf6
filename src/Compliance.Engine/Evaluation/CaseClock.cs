using System.Runtime.CompilerServices;
using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Evaluation;

/// <summary>The 办件 clock of checks.md: stopped days, used days, extensions, limits, deadlines, breach days.</summary>
public static class CaseClock
{
    /// <summary>
    /// Works out the clock of a case accepted on or before <paramref name="asOf"/>, or returns the first
    /// uncovered year it touches (then nothing is judged: the calendar is never guessed).
    /// </summary>
    public static CaseFacts? Compute(
        CaseRecord record,
        IReadOnlyList<ProcedureRecord> procedures,
        Item? item,
        Settings settings,
        WorkingCalendar calendar,
        DateOnly asOf,
        out int? uncoveredYear) =>
        Compute(record, procedures, item, settings, calendar, asOf, reuse: null, out uncoveredYear);

    /// <summary>As above, into <paramref name="reuse"/> when given (its previous case's figures are all replaced).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static CaseFacts? Compute(
        CaseRecord record,
        IReadOnlyList<ProcedureRecord> procedures,
        Item? item,
        Settings settings,
        WorkingCalendar calendar,
        DateOnly asOf,
        CaseFacts? reuse,
        out int? uncoveredYear)
    {
        var facts = reuse ?? new CaseFacts(record, item);
        if (reuse is not null)
        {
            reuse.Reset(record, item);
        }
        var a = record.AcceptedOn;
        var decided = record.DecidedOn is { } d && d <= asOf ? d : (DateOnly?)null;
        facts.Open = decided is null;
        facts.End = decided ?? asOf;
        var e = facts.End;

        uncoveredYear = e > a ? calendar.FirstUncoveredYear(a.AddDays(1), e) : null;
        if (uncoveredYear is not null)
        {
            return null;
        }

        var stops = MergeStops(procedures, e);
        facts.StopIntervals = stops;
        facts.Procedures = procedures;
        var stopped = 0;
        // Indexed loops: foreach over an interface boxes the enumerator, a million times over.
        for (var i = 0; i < stops.Count; i++)
        {
            var s = stops[i];
            var from = s.From > a ? s.From : a.AddDays(1);
            stopped += calendar.WorkingDaysBetween(from.AddDays(-1), s.To);
        }
        facts.Stopped = stopped;
        facts.Used = calendar.WorkingDaysBetween(a, e) - stopped;

        var extension = 0;
        for (var i = 0; i < procedures.Count; i++)
        {
            var p = procedures[i];
            if (p.Kind == ProcedureKind.Extension && p.Start <= e)
            {
                extension += p.ExtensionDays;
            }
        }
        facts.Extension = extension;

        (facts.StatutoryLimit, facts.StatutorySource) =
            record.StatutoryLimit is { } cs ? (cs, LimitSource.Case)
            : item?.StatutoryLimit is { } its ? (its, LimitSource.Item)
            : (settings.DefaultStatutoryLimit, LimitSource.Default);
        (var promised, facts.PromisedSource) =
            record.PromisedLimit is { } cp ? (cp, LimitSource.Case)
            : item?.PromisedLimit is { } ip ? (ip, LimitSource.Item)
            : (facts.StatutoryLimit, LimitSource.Statutory);
        // checks.md: an Lp above Ls counts as Ls, so the limit applied, and its source, are the statutory one.
        if (promised > facts.StatutoryLimit)
        {
            (promised, facts.PromisedSource) = (facts.StatutoryLimit, LimitSource.Statutory);
        }
        facts.PromisedLimit = promised;

        var ls = facts.StatutoryLimit + extension;
        var lp = facts.PromisedLimit + extension;
        facts.StatutoryDeadline = CoveredOrNull(calendar, a, CountedDay(calendar, a, stops, ls), facts);
        facts.PromisedDeadline = CoveredOrNull(calendar, a, CountedDay(calendar, a, stops, lp), facts);
        if (facts.Used > ls)
        {
            facts.StatutoryBreachOn = CountedDay(calendar, a, stops, ls + 1);
        }
        if (facts.Used > lp)
        {
            facts.PromisedBreachOn = CountedDay(calendar, a, stops, lp + 1);
        }
        return facts;
    }

    /// <summary>
    /// Suspensions that start on or before E, each running to its end or to E when absent or later,
    /// merged so that overlapping suspensions stop a day once. Sorted by start.
    /// </summary>
    internal static IReadOnlyList<StopInterval> MergeStops(IReadOnlyList<ProcedureRecord> procedures, DateOnly e)
    {
        if (procedures.Count == 0)
        {
            return [];
        }
        var raw = new List<StopInterval>();
        for (var i = 0; i < procedures.Count; i++)
        {
            var p = procedures[i];
            if (p.Kind != ProcedureKind.Suspension || p.Start > e)
            {
                continue;
            }
            var to = p.End is { } end && end <= e ? end : e;
            raw.Add(new StopInterval(p.Start, to));
        }
        raw.Sort((x, y) => x.From.CompareTo(y.From));
        var merged = new List<StopInterval>(raw.Count);
        foreach (var s in raw)
        {
            if (merged.Count > 0 && s.From <= merged[^1].To.AddDays(1))
            {
                var last = merged[^1];
                merged[^1] = last with { To = s.To > last.To ? s.To : last.To };
            }
            else
            {
                merged.Add(s);
            }
        }
        return merged;
    }

    /// <summary>The <paramref name="n"/>-th working, not stopped, day after <paramref name="a"/>.</summary>
    internal static DateOnly CountedDay(WorkingCalendar calendar, DateOnly a, IReadOnlyList<StopInterval> stops, int n)
    {
        if (n <= 0)
        {
            return a;
        }
        var cursor = a;
        var remaining = n;
        for (var i = 0; i < stops.Count; i++)
        {
            var s = stops[i];
            if (s.To <= cursor)
            {
                continue;
            }
            var before = s.From > cursor ? calendar.WorkingDaysBetween(cursor, s.From.AddDays(-1)) : 0;
            if (before >= remaining)
            {
                break;
            }
            remaining -= before;
            cursor = s.To;
        }
        return calendar.AddWorkingDays(cursor, remaining);
    }

    // Promised is never later than statutory, so when both run past the calendars they run into the same year.
    private static DateOnly? CoveredOrNull(WorkingCalendar calendar, DateOnly a, DateOnly d, CaseFacts facts)
    {
        if (d <= a || calendar.FirstUncoveredYear(a.AddDays(1), d) is not { } year)
        {
            return d;
        }
        facts.DeadlineUncoveredYear = year;
        return null;
    }
}
