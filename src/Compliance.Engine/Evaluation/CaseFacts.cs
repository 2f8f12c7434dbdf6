using System.Diagnostics.CodeAnalysis;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;

namespace Compliance.Engine.Evaluation;

/// <summary>
/// What a rule sees of one case (input <c>case</c> of the <c>cases</c> workflow): the row, its item and its
/// clock worked out to the day as checks.md says. Documented for rule authors in rules/README.md.
/// </summary>
public sealed class CaseFacts
{
    internal CaseFacts(CaseRecord record, Item? item)
    {
        Reset(record, item);
    }

    public CaseRecord Record { get; private set; }
    public Item? Item { get; private set; }

    public string CaseId => Record.CaseId;
    public string ItemCode => Record.ItemCode;
    public string UnitCode => Record.UnitCode;
    public string? ApplicantType => Record.ApplicantType;
    public DateOnly Accepted => Record.AcceptedOn;
    public DateOnly? Decided => Record.DecidedOn;

    /// <summary>Decided on or before the as-of date; otherwise the case is open at T.</summary>
    public bool Open { get; internal set; }

    /// <summary>The clock's end E: the decided date when ≤ T, else T.</summary>
    public DateOnly End { get; internal set; }

    /// <summary>U: working days d with A &lt; d ≤ E that are not stopped.</summary>
    public int Used { get; internal set; }

    /// <summary>Working days in (A, E] that a suspension stopped.</summary>
    public int Stopped { get; internal set; }

    /// <summary>X: working days added by extensions that start on or before E.</summary>
    public int Extension { get; internal set; }

    public int StatutoryLimit { get; internal set; }
    public string StatutorySource { get; internal set; } = "";
    public int PromisedLimit { get; internal set; }
    public string PromisedSource { get; internal set; } = "";

    /// <summary>The (Ls + X)-th counted day after A; null when it falls in an uncovered year.</summary>
    public DateOnly? StatutoryDeadline { get; internal set; }

    public DateOnly? PromisedDeadline { get; internal set; }

    /// <summary>
    /// When a deadline is null because counting to it runs past the calendars: the first year it runs into that
    /// no calendar covers (the clock itself, up to E, is covered). Null otherwise.
    /// </summary>
    public int? DeadlineUncoveredYear { get; internal set; }

    /// <summary>The first counted day past Ls + X, when U exceeds it.</summary>
    public DateOnly? StatutoryBreachOn { get; internal set; }

    public DateOnly? PromisedBreachOn { get; internal set; }

    /// <summary>(Lp + X) − U.</summary>
    public int PromisedDaysLeft => PromisedLimit + Extension - Used;

    public int StatutoryOver => Used - (StatutoryLimit + Extension);
    public int PromisedOver => Used - (PromisedLimit + Extension);

    internal IReadOnlyList<StopInterval> StopIntervals { get; set; } = [];
    internal IReadOnlyList<ProcedureRecord> Procedures { get; set; } = [];

    /// <summary>
    /// Makes these the facts of another case, every figure cleared. Judging reuses one instance per slice of a
    /// million cases, since a rule only reads the facts while it runs and evidence copies the values it keeps.
    /// </summary>
    [MemberNotNull(nameof(Record))]
    internal void Reset(CaseRecord record, Item? item)
    {
        Record = record;
        Item = item;
        Open = false;
        End = default;
        Used = 0;
        Stopped = 0;
        Extension = 0;
        StatutoryLimit = 0;
        StatutorySource = "";
        PromisedLimit = 0;
        PromisedSource = "";
        StatutoryDeadline = null;
        PromisedDeadline = null;
        DeadlineUncoveredYear = null;
        StatutoryBreachOn = null;
        PromisedBreachOn = null;
        StopIntervals = [];
        Procedures = [];
    }
}
