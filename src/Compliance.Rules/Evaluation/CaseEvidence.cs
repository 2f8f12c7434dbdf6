using Compliance.Engine.Evaluation;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Rules.Evaluation;

/// <summary>The working of a case finding: every figure the judgement used, in the order a reader redoes it.</summary>
internal static class CaseEvidence
{
    public static TemplateValues For(string rule, CaseFacts c, int warnDays)
    {
        var e = new Evidence();
        switch (rule)
        {
            case "case.overdue-statutory":
                Clock(e, c, c.StatutoryLimit, c.StatutoryDeadline, c.StatutorySource);
                e.Add("over", c.StatutoryOver);
                break;
            case "case.overdue-promised":
                Clock(e, c, c.PromisedLimit, c.PromisedDeadline, c.PromisedSource);
                e.Add("over", c.PromisedOver);
                e.Add("statutoryLimit", c.StatutoryLimit);
                break;
            case "case.due-soon":
                Clock(e, c, c.PromisedLimit, c.PromisedDeadline, c.PromisedSource);
                e.Add("remaining", c.PromisedDaysLeft);
                e.Add("warnDays", warnDays);
                break;
            default:
                e.Add("accepted", c.Accepted).Add("end", c.End).Add("open", c.Open).Add("used", c.Used)
                    .Add("stopped", c.Stopped).Add("extension", c.Extension)
                    .Add("statutoryLimit", c.StatutoryLimit).Add("promisedLimit", c.PromisedLimit)
                    .Add("statutoryDeadline", c.StatutoryDeadline).Add("promisedDeadline", c.PromisedDeadline);
                break;
        }
        Procedures(e, c);
        var values = new TemplateValues(e).With("id", c.CaseId);
        if (c.DeadlineUncoveredYear is { } year)
        {
            var unplaced = UnplacedDeadline.Text(year);
            values.With("deadline", unplaced).With("statutoryDeadline", unplaced).With("promisedDeadline", unplaced);
        }
        return values;
    }

    private static void Clock(Evidence e, CaseFacts c, int limit, DateOnly? deadline, string source)
    {
        e.Add("accepted", c.Accepted)
            .Add("end", c.End)
            .Add("used", c.Used)
            .Add("limit", limit)
            .Add("extension", c.Extension)
            .Add("stopped", c.Stopped)
            .Add("deadline", deadline)
            .Add("allowed", limit + c.Extension)
            .Add("limitSource", source)
            .Add("open", c.Open);
    }

    private static void Procedures(Evidence e, CaseFacts c)
    {
        // Most cases have no procedure: no lists made for them.
        if (c.Procedures.Count == 0)
        {
            return;
        }
        var suspensions = new List<string>();
        var extensions = new List<string>();
        foreach (var p in c.Procedures)
        {
            if (p.Start > c.End)
            {
                continue;
            }
            var end = p.End is { } pe ? pe.ToString("yyyy-MM-dd", null) : "";
            if (p.Kind == ProcedureKind.Suspension)
            {
                suspensions.Add($"{p.DisplayName} {p.Start:yyyy-MM-dd}至{(end.Length > 0 ? end : "今")}");
            }
            else
            {
                extensions.Add($"{p.DisplayName} {p.Start:yyyy-MM-dd} +{p.ExtensionDays}");
            }
        }
        if (suspensions.Count > 0)
        {
            e.Add("suspensions", suspensions);
        }
        if (extensions.Count > 0)
        {
            e.Add("extensions", extensions);
        }
    }
}
