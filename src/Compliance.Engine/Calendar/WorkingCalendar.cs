using System.Runtime.CompilerServices;

namespace Compliance.Engine.Calendar;

/// <summary>
/// The working-day calendar built from holiday-cn notices. Counting is O(1) through a prefix sum of working
/// days over the covered range, so a clock costs the same whatever its length.
/// A date whose year no notice names is uncovered: callers must check <see cref="IsCovered"/> and never guess.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDay> _listed;
    private readonly HashSet<int> _years;
    private readonly DateOnly _origin;
    private readonly bool[] _working;

    // _prefix[i] = working days among the days with index < i.
    private readonly int[] _prefix;

    // _nthWorking[k] = the index of the (k+1)-th working day: the inverse of _prefix, so that adding working days
    // is a look-up rather than a search.
    private readonly int[] _nthWorking;

    // Runs of consecutive covered years as day numbers, first day to last: a range of dates inside one run is covered
    // without working out its years.
    private readonly (int First, int Last)[] _coveredRuns;

    public WorkingCalendar(IEnumerable<int> coveredYears, IEnumerable<CalendarDay> days)
    {
        _years = [.. coveredYears];
        _listed = [];
        foreach (var d in days)
        {
            _listed[d.Date] = d;
        }
        // The index spans the covered years only: a listed date far outside them (a typo such as 9999-12-31 or
        // 0001-01-01) is still classified, by the slow path, and must not push the index past DateOnly's range.
        var minYear = _years.Count == 0 ? 2000 : _years.Min();
        var maxYear = _years.Count == 0 ? 2000 : _years.Max();
        // One spare year each side so that index arithmetic near the edges needs no special case.
        _origin = new DateOnly(minYear - 1, 1, 1);
        var end = new DateOnly(maxYear + 2, 1, 1);
        var n = end.DayNumber - _origin.DayNumber;
        _working = new bool[n];
        _prefix = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            _working[i] = ComputeWorking(_origin.AddDays(i));
            _prefix[i + 1] = _prefix[i] + (_working[i] ? 1 : 0);
        }
        _nthWorking = new int[_prefix[n]];
        for (var i = 0; i < n; i++)
        {
            if (_working[i])
            {
                _nthWorking[_prefix[i]] = i;
            }
        }
        _coveredRuns = CoveredRuns(_years);
    }

    private static (int First, int Last)[] CoveredRuns(HashSet<int> years)
    {
        var runs = new List<(int, int)>();
        var sorted = years.Order().ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }
            runs.Add((new DateOnly(sorted[i], 1, 1).DayNumber, new DateOnly(sorted[j], 12, 31).DayNumber));
            i = j + 1;
        }
        return [.. runs];
    }

    public IReadOnlySet<int> CoveredYears => _years;

    public bool IsCovered(DateOnly d) => _years.Contains(d.Year);

    /// <summary>The first uncovered year among the dates from <paramref name="from"/> to <paramref name="to"/> inclusive, or null.</summary>
    public int? FirstUncoveredYear(DateOnly from, DateOnly to)
    {
        foreach (var (first, last) in _coveredRuns)
        {
            if (from.DayNumber >= first && to.DayNumber <= last)
            {
                return null;
            }
        }
        for (var y = from.Year; y <= to.Year; y++)
        {
            if (!_years.Contains(y))
            {
                return y;
            }
        }
        return null;
    }

    public DayKind Classify(DateOnly d)
    {
        if (_listed.TryGetValue(d, out var listed))
        {
            return listed.IsOffDay ? DayKind.Holiday : DayKind.MakeUpWorkday;
        }
        return d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;
    }

    /// <summary>The holiday's name for a listed date (e.g. 国庆节), or null.</summary>
    public string? NameOf(DateOnly d) => _listed.TryGetValue(d, out var listed) ? listed.Name : null;

    public bool IsWorkingDay(DateOnly d)
    {
        var i = d.DayNumber - _origin.DayNumber;
        return (uint)i < (uint)_working.Length ? _working[i] : ComputeWorking(d);
    }

    /// <summary>Working days d with <paramref name="after"/> &lt; d ≤ <paramref name="upTo"/> (民法典 Art. 201); 0 when upTo ≤ after.</summary>
    public int WorkingDaysBetween(DateOnly after, DateOnly upTo)
    {
        if (upTo <= after)
        {
            return 0;
        }
        return PrefixThrough(upTo) - PrefixThrough(after);
    }

    /// <summary>The <paramref name="n"/>-th working day after <paramref name="start"/> (n ≥ 1); <paramref name="start"/> itself when n ≤ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        if (n <= 0)
        {
            return start;
        }
        var target = PrefixThrough(start) + n;
        var lo = start.DayNumber - _origin.DayNumber + 1;
        if (lo >= 0 && lo < _working.Length && _prefix[_working.Length] >= target)
        {
            // The target-th working day counted from the origin: the smallest index i with _prefix[i + 1] >= target.
            return _origin.AddDays(_nthWorking[target - 1]);
        }
        var d = start;
        while (n > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                n--;
            }
        }
        return d;
    }

    /// <summary><paramref name="d"/> when it is a working day, else the next working day (民法典 Art. 203).</summary>
    public DateOnly RollToWorkingDay(DateOnly d)
    {
        while (!IsWorkingDay(d))
        {
            d = d.AddDays(1);
        }
        return d;
    }

    private int PrefixThrough(DateOnly d)
    {
        var i = d.DayNumber - _origin.DayNumber;
        if (i < 0)
        {
            return -SlowCount(d.AddDays(1), _origin.AddDays(-1));
        }
        if (i >= _working.Length)
        {
            return _prefix[_working.Length] + SlowCount(_origin.AddDays(_working.Length), d);
        }
        return _prefix[i + 1];
    }

    private int SlowCount(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            count += ComputeWorking(d) ? 1 : 0;
        }
        return count;
    }

    private bool ComputeWorking(DateOnly d) => Classify(d) is DayKind.Workday or DayKind.MakeUpWorkday;
}
