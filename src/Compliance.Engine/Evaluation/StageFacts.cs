using Compliance.Engine.Ingest;

namespace Compliance.Engine.Evaluation;

/// <summary>
/// What a rule sees of one key-project stage (input <c>stage</c> of the <c>stages</c> workflow): the row,
/// its limit and where it came from, and its clock worked out as checks.md says.
/// </summary>
public sealed class StageFacts
{
    internal StageFacts(StageRecord record) => Record = record;

    public StageRecord Record { get; }

    public string ProjectCode => Record.ProjectCode;
    public string? ProjectName => Record.ProjectName;

    /// <summary>The canonical Chinese stage name.</summary>
    public string Stage => Record.Stage;

    public string? StageType => Record.StageType;
    public string UnitCode => Record.UnitCode;
    public DateOnly Started => Record.StartedOn;
    public DateOnly? Completed => Record.CompletedOn;

    public bool Open { get; internal set; }
    public DateOnly End { get; internal set; }

    /// <summary>False for filings (备案, 登记表) and stages with no entry: the clock is not judged.</summary>
    public bool HasLimit { get; internal set; }

    /// <summary>N, in <see cref="LimitUnit"/> days; 0 when there is no limit.</summary>
    public int Limit { get; internal set; }

    public LimitUnit LimitUnit { get; internal set; }
    public bool WorkingDays => LimitUnit == LimitUnit.Working;
    public string LimitSource { get; internal set; } = "";
    public int WarnDays { get; internal set; }
    public string? Basis { get; internal set; }

    /// <summary>Working days d with S &lt; d ≤ E (whatever the limit's unit, for explanations).</summary>
    public int Used { get; internal set; }

    /// <summary>Calendar days from S to E.</summary>
    public int Elapsed => End.DayNumber - Started.DayNumber;

    /// <summary>
    /// Working limit: the N-th working day after S. Calendar limit: S + N, rolled to the next working day
    /// when it is a rest day (民法典 Art. 203). Null without a limit or in an uncovered year.
    /// </summary>
    public DateOnly? Deadline { get; internal set; }

    /// <summary>
    /// Working limit whose deadline is null because counting to it runs past the calendars: the first year it
    /// runs into that no calendar covers (the clock itself, up to E, is covered). Null otherwise.
    /// </summary>
    public int? DeadlineUncoveredYear { get; internal set; }

    /// <summary>Calendar limit: S + N before the rest-day roll.</summary>
    public DateOnly? NominalDeadline { get; internal set; }

    /// <summary>Working limit: N − U. Calendar limit: DL − T in calendar days.</summary>
    public int DaysLeft { get; internal set; }

    /// <summary>Working limit: the (N + 1)-th working day after S. Calendar limit: DL + 1.</summary>
    public DateOnly? BreachOn { get; internal set; }
}
