namespace Compliance.Host.Generation;

/// <summary>
/// A planned case clock: accepted A, decided D (null while open at T), the suspension (one stop from the day
/// after the <see cref="CountedBeforeStop"/>-th counted day, to <see cref="StopEnd"/>; open-ended while it runs), the
/// extension days X, and the procedure rows that say so.
/// </summary>
internal sealed record CaseClock
{
    public required DateOnly Accepted { get; init; }
    public DateOnly? Decided { get; init; }
    public int CountedBeforeStop { get; init; }
    public DateOnly? StopEnd { get; init; }
    public int Extension { get; init; }
    public IReadOnlyList<ProcedureRow> Procedures { get; init; } = [];

    /// <summary>The <paramref name="n"/>-th working, not stopped, day after A (checks.md: when a limit is first exceeded).</summary>
    public DateOnly CountedDay(CalendarMath days, int n) =>
        StopEnd is { } stopEnd && n > CountedBeforeStop
            ? days.Add(stopEnd, n - CountedBeforeStop)
            : days.Add(Accepted, n);
}
