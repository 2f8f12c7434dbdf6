using Compliance.Engine.Evaluation;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Rules.Evaluation;

/// <summary>Works out, after a judgement, what happened to one subject: facts, every rule's outcome, findings.</summary>
internal sealed class SubjectTracer
{
    private readonly Judgement _j;
    private readonly JudgementPart _scratch;

    public SubjectTracer(Judgement judgement)
    {
        _j = judgement;
        _scratch = new JudgementPart(judgement);
    }

    public SubjectTrace Trace(string subject)
    {
        var findings = _j.Findings.Where(f => f.Subject == subject).ToList();
        var colon = subject.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? "" : subject[..colon];
        var id = colon < 0 ? subject : subject[(colon + 1)..];
        return kind switch
        {
            "case" => TraceCase(subject, id, findings),
            "stage" => TraceStage(subject, id, findings),
            "charge" => TraceCharge(subject, id, findings),
            "unit" => new SubjectTrace(subject, null, null, CrossOutcomes(findings, _j.Checker.WarningTalk), findings),
            _ => new SubjectTrace(subject, null, "主体格式应为 case:<办件编号>、charge:<缴款单号>、stage:<项目代码>/<环节> 或 unit:<单位编码>", [], findings) { Unknown = true },
        };
    }

    private SubjectTrace TraceCase(string subject, string id, List<Finding> findings)
    {
        var rs = _j.RuleSet;
        var c = _j.CaseOf(id);
        if (c is null)
        {
            return new SubjectTrace(subject, null, "数据中没有该办件（或该行已被拒收）", [], findings) { Unknown = true };
        }
        if (c.Status is CaseStatus.Void or CaseStatus.Returned)
        {
            return new SubjectTrace(subject, null, $"办件状态为{(c.Status == CaseStatus.Void ? "作废" : "退回")}，不予判定", [], findings);
        }
        if (c.AcceptedOn > _j.AsOf)
        {
            return new SubjectTrace(subject, null, "受理日期晚于基准日期，不予判定", [], findings);
        }
        var facts = CaseClock.Compute(c, _j.ProceduresOf(c.CaseId), rs.Items.GetValueOrDefault(c.ItemCode), rs.Settings, rs.Calendar, _j.AsOf, out var uncovered);
        if (facts is null)
        {
            return new SubjectTrace(subject, null, $"日历未覆盖{uncovered}年，不予判定（不作推测）", [], findings);
        }
        return new SubjectTrace(subject, facts, null, Outcomes(_j.Checker.CaseRules, facts, subject), findings);
    }

    private SubjectTrace TraceStage(string subject, string id, List<Finding> findings)
    {
        var rs = _j.RuleSet;
        var s = _j.Data.Stages.FirstOrDefault(x => Subjects.StageKey(x.ProjectCode, x.Stage) == id);
        if (s is null)
        {
            return new SubjectTrace(subject, null, "数据中没有该项目环节（或该行已被拒收）", [], findings) { Unknown = true };
        }
        if (s.StartedOn > _j.AsOf)
        {
            return new SubjectTrace(subject, null, "开始日期晚于基准日期，不予判定", [], findings);
        }
        var facts = StageClock.Compute(s, rs.Stages, rs.Settings, rs.Calendar, _j.AsOf, out var uncovered);
        var outcomes = facts is null ? [] : Outcomes(_j.Checker.StageRules, facts, subject);
        outcomes.AddRange(CrossOutcomes(findings, _j.Checker.OutOfOrder));
        return new SubjectTrace(subject, facts, facts is null ? $"日历未覆盖{uncovered}年，时限不予判定（不作推测）" : null, outcomes, findings)
        {
            ProjectStages = [.. _j.Data.Stages.Where(x => x.ProjectCode == s.ProjectCode)],
        };
    }

    private SubjectTrace TraceCharge(string subject, string id, List<Finding> findings)
    {
        var ch = _j.Data.Charges.FirstOrDefault(x => x.ChargeId == id);
        if (ch is null)
        {
            return new SubjectTrace(subject, null, "数据中没有该缴款单（或该行已被拒收）", [], findings) { Unknown = true };
        }
        if (ch.ChargedOn > _j.AsOf)
        {
            return new SubjectTrace(subject, null, "收费日期晚于基准日期，不予判定", [], findings);
        }
        var facts = _j.FactsOf(ch);
        var outcomes = Outcomes(_j.Checker.ChargeRules, facts, subject);
        outcomes.AddRange(CrossOutcomes(findings, _j.Checker.Duplicate));
        return new SubjectTrace(subject, facts, null, outcomes, findings);
    }

    private List<RuleOutcome> Outcomes<T>(IReadOnlyList<Workflows.CompiledRule<T>> rules, T facts, string subject) =>
        rules.Select(r => new RuleOutcome(r.Name, r.Source.File, _scratch.Holds(r, facts, subject, ""))).ToList();

    private static List<RuleOutcome> CrossOutcomes(List<Finding> findings, CrossRecordCheck? check) =>
        check is null ? [] : [new RuleOutcome(check.Code, "(built-in NRules)", !findings.Any(f => f.Rule == check.Code))];
}
