using Compliance.Engine.Evaluation;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Rules.Evaluation;

/// <summary>The working of a stage clock finding.</summary>
internal static class StageEvidence
{
    public static TemplateValues For(StageFacts s)
    {
        var working = s.LimitUnit == LimitUnit.Working;
        var e = new Evidence()
            .Add("project", s.ProjectCode)
            .Add("stage", s.Stage)
            .Add("stageType", s.StageType)
            .Add("started", s.Started)
            .Add("end", s.End)
            .Add("open", s.Open);
        if (s.HasLimit)
        {
            e.Add("limit", s.Limit)
                .Add("limitUnit", working ? "working" : "calendar")
                .Add("limitSource", s.LimitSource);
            if (working)
            {
                e.Add("used", s.Used);
            }
            else
            {
                e.Add("elapsed", s.Elapsed).Add("nominalDeadline", s.NominalDeadline);
            }
            e.Add("deadline", s.Deadline);
            if (s.BreachOn is not null)
            {
                e.Add("over", working ? s.Used - s.Limit : s.End.DayNumber - s.Deadline!.Value.DayNumber);
            }
            else
            {
                e.Add("remaining", s.DaysLeft).Add("warnDays", s.WarnDays);
            }
        }
        else
        {
            e.Add("used", s.Used);
        }
        var values = new TemplateValues(e)
            .With("id", Subjects.StageKey(s.ProjectCode, s.Stage))
            .With("limitText", s.HasLimit ? $"{s.Limit}个{(working ? "工作日" : "自然日")}" : "无时限")
            .With("limitBasis", !string.IsNullOrEmpty(s.Basis) ? s.Basis
                : s.LimitSource == LimitSource.Row ? "数据行所列时限（stages.csv 时限列）" : "重点项目环节时限（stages.json）");
        if (s.DeadlineUncoveredYear is { } year)
        {
            values.With("deadline", UnplacedDeadline.Text(year));
        }
        return values;
    }
}
