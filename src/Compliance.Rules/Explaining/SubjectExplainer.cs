using System.Globalization;
using System.Text;
using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;

namespace Compliance.Rules.Explaining;

/// <summary>
/// Writes one subject's judgement the way a supervisor checks it by hand, in Chinese: the limits and where
/// they came from, the day-by-day walk, the deadline, every finding, every check passed and every one that did
/// not apply, with why.
/// </summary>
public static class SubjectExplainer
{
    public static string Explain(SubjectTrace trace, RuleSet ruleSet, DateOnly asOf)
    {
        var w = new StringBuilder();
        w.AppendLine($"主体：{trace.Subject}");
        w.AppendLine($"基准日期：{D(asOf)}；规则集：{ruleSet.Label}");
        switch (trace.Facts)
        {
            case CaseFacts c:
                ExplainCase(w, c, ruleSet, asOf);
                break;
            case StageFacts s:
                ExplainStage(w, s, ruleSet, trace.ProjectStages, asOf);
                break;
            case ChargeFacts ch:
                ExplainCharge(w, ch);
                break;
        }
        if (trace.NotJudged is { } why)
        {
            w.AppendLine($"未判定：{why}");
        }
        w.AppendLine();
        w.AppendLine("结论：");
        foreach (var f in trace.Findings)
        {
            w.AppendLine($"  ✗ {f.Rule}（{f.Severity.ToChinese()}，发生于{D(f.OccurredOn)}）：{f.Message}");
            w.AppendLine($"      依据：{f.Basis}");
        }
        foreach (var o in trace.Outcomes.Where(o => o.Held))
        {
            w.AppendLine(NotApplied.Why(o.Rule, trace.Facts) is { } reason
                ? $"  – {o.Rule}：不适用（{reason}）"
                : $"  ✓ {o.Rule}：通过（{o.Source}）");
        }
        if (trace.Findings.Count == 0 && trace.Outcomes.Count == 0 && trace.NotJudged is null)
        {
            w.AppendLine("  无问题");
        }
        return w.ToString();
    }

    private static void ExplainCase(StringBuilder w, CaseFacts c, RuleSet rs, DateOnly asOf)
    {
        var unit = rs.Units.GetValueOrDefault(c.UnitCode)?.Name;
        w.AppendLine($"办件 {c.CaseId}：事项 {c.ItemCode}{(c.Item is null ? "（不在 items.json 中）" : " " + c.Item.Name)}，受理单位 {c.UnitCode}{(unit is null ? "" : " " + unit)}");
        w.AppendLine($"受理日期 A = {D(c.Accepted)}（起算日不计入，《民法典》第二百零一条）");
        w.AppendLine(c.Open
            ? $"截止日期 E = {D(c.End)}（基准日期；{(c.Decided is { } d ? $"办结日期{D(d)}晚于基准日期，" : "")}办件在办）"
            : $"截止日期 E = {D(c.End)}（办结日期）");
        w.AppendLine($"法定时限 Ls = {c.StatutoryLimit}个工作日（来源：{Source(c.StatutorySource)}）");
        w.AppendLine($"承诺时限 Lp = {c.PromisedLimit}个工作日（来源：{Source(c.PromisedSource)}）");
        foreach (var p in c.Procedures.OrderBy(p => p.Start))
        {
            w.AppendLine(p.Kind == ProcedureKind.Extension
                ? $"特别程序：{p.DisplayName}，{D(p.Start)}起，延长{p.ExtensionDays}个工作日{(p.Start <= c.End ? "" : "（开始于E之后，不计）")}"
                : $"特别程序：{p.DisplayName}，{D(p.Start)}至{(p.End is { } e ? D(e) : "（未结束）")}，暂停计时{(p.Start <= c.End ? "" : "（开始于E之后，不计）")}");
        }
        w.AppendLine($"延长 X = {c.Extension}个工作日");
        var through = c.End;
        if (c.StatutoryDeadline is { } sd && sd > through)
        {
            through = sd;
        }
        w.AppendLine();
        w.AppendLine("逐日计算（A < d ≤ E 的工作日计入；E 之后仅列至期限届满日）：");
        foreach (var day in ClockWalk.ForCase(c, rs.Calendar, through))
        {
            var after = day.Date > c.End ? "  （E之后）" : "";
            w.AppendLine(day.Counted
                ? $"  {D(day.Date)} {Week(day.Date)}  第{day.Count}天  {day.Reason}{after}"
                : $"  {D(day.Date)} {Week(day.Date)}  不计    {day.Reason}{after}");
        }
        w.AppendLine();
        w.AppendLine($"已用 U = {c.Used}个工作日（暂停计时 {c.Stopped}个工作日）");
        w.AppendLine($"法定期限届满日：{DN(c.StatutoryDeadline)}（第{c.StatutoryLimit + c.Extension}个计时日）；U − (Ls + X) = {c.Used - c.StatutoryLimit - c.Extension}");
        w.AppendLine($"承诺期限届满日：{DN(c.PromisedDeadline)}（第{c.PromisedLimit + c.Extension}个计时日）；(Lp + X) − U = {c.PromisedDaysLeft}；预警阈值 {rs.Settings.WarnDays}");
    }

    private static void ExplainStage(StringBuilder w, StageFacts s, RuleSet rs, IReadOnlyList<StageRecord> projectStages, DateOnly asOf)
    {
        w.AppendLine($"项目 {s.ProjectCode}{(s.ProjectName is null ? "" : " " + s.ProjectName)}，环节 {s.Stage}{(s.StageType is null ? "" : "（" + s.StageType + "）")}，责任单位 {s.UnitCode}");
        w.AppendLine($"开始日期 S = {D(s.Started)}；截止日期 E = {D(s.End)}（{(s.Open ? "基准日期，环节未完成" : "完成日期")}）");
        if (!s.HasLimit)
        {
            w.AppendLine("该环节无审批时限（如备案、登记表），时限不予判定");
        }
        else
        {
            w.AppendLine($"时限 N = {s.Limit}个{(s.WorkingDays ? "工作日" : "自然日")}（来源：{(s.LimitSource == LimitSource.Row ? "数据行" : "stages.json")}；依据：{s.Basis ?? "无"}）");
            if (s.WorkingDays)
            {
                w.AppendLine($"已用 U = {s.Used}个工作日；期限届满日：{DN(s.Deadline)}（S 后第{s.Limit}个工作日）");
            }
            else
            {
                var rolled = s.NominalDeadline != s.Deadline ? $"，遇休息日顺延至{DN(s.Deadline)}（《民法典》第二百零三条）" : "";
                w.AppendLine($"S + N = {DN(s.NominalDeadline)}{rolled}；期限届满日 DL = {DN(s.Deadline)}");
            }
            var through = s.Deadline is { } dl && dl > s.End ? dl : s.End;
            w.AppendLine();
            w.AppendLine("逐日计算：");
            foreach (var day in ClockWalk.ForStage(s, rs.Calendar, through))
            {
                w.AppendLine($"  {D(day.Date)} {Week(day.Date)}  {(day.Counted ? $"第{day.Count}天" : "不计  ")}  {day.Reason}{(day.Date > s.End ? "  （E之后）" : "")}");
            }
        }
        var prerequisites = rs.Stages.PrerequisitesOf(s.Stage);
        if (prerequisites.Count > 0)
        {
            w.AppendLine($"前置环节：{string.Join("、", prerequisites)}，须于 {D(s.Started)} 或之前办结");
            foreach (var p in prerequisites)
            {
                // checks.md: a row of the prerequisite completed on or before S (a completion after T has not happened
                // yet); the earliest completion is shown when there are several rows.
                var rows = projectStages.Where(x => x.Stage == p).ToList();
                var completions = rows.Where(x => x.CompletedOn is { } c && c <= asOf).Select(x => x.CompletedOn!.Value).ToList();
                var done = completions.Count > 0 ? completions.Min() : default;
                w.AppendLine(rows.Count == 0 ? $"  ✗ {p}：无该环节记录"
                    : completions.Count == 0 ? $"  ✗ {p}：未办结"
                    : done <= s.Started ? $"  ✓ {p}：{D(done)}办结"
                    : $"  ✗ {p}：{D(done)}办结，晚于开始日期");
            }
        }
    }

    private static void ExplainCharge(StringBuilder w, ChargeFacts c)
    {
        w.AppendLine($"缴款单 {c.ChargeId}：收费项目 {c.FeeCode}{(c.Fee is null ? "（不在收费目录内）" : " " + c.Fee.Name)}，金额 {c.Amount.ToString("0.00", CultureInfo.InvariantCulture)}元，收费日期 {D(c.ChargedOn)}");
        w.AppendLine(c.CaseKnown
            ? $"办件 {c.CaseId}：事项 {c.ItemCode}{(c.Item is null ? "" : $" {c.Item.Name}{(c.Item.Free ? "（依法不得收费）" : "")}")}"
            : $"办件：{(c.CaseId is null ? "未填写" : c.CaseId + "（不在办件数据中）")}（孤立收费）");
        w.AppendLine($"缴款人类型：{c.PayerType ?? "未知"}；收费单位：{c.Collector ?? "未知"}");
        if (c.Fee is not null)
        {
            w.AppendLine("收费目录沿革：");
            foreach (var p in c.Fee.Periods)
            {
                var mark = ReferenceEquals(p, c.Period) ? "→" : " ";
                w.AppendLine($"  {mark} {D(p.From)}至{(p.To is { } t ? D(t) : "今")}：{Status(p)}{(p.Max is { } m ? $"，标准{m.ToString("0.00", CultureInfo.InvariantCulture)}元" : "")}" +
                    $"{(p.Scope is null ? "" : "，适用事项" + string.Join("、", p.Scope.Order(StringComparer.Ordinal)))}" +
                    $"{(p.Collectors is null ? "" : "，收费单位" + string.Join("、", p.Collectors.Order(StringComparer.Ordinal)))}" +
                    $"；依据：{p.Basis}");
            }
            w.AppendLine(c.Period is null ? "收费日期不在任何有效期内" : $"收费日期适用的目录期间：{D(c.Period.From)}至{(c.Period.To is { } to ? D(to) : "今")}");
        }
    }

    private static string Status(FeePeriod p) => p.Status switch
    {
        FeeStatus.Abolished => "取消",
        FeeStatus.Suspended => "停征",
        FeeStatus.Exempt => p.ExemptPayers is null ? "免征（全部缴款人）" : "免征（" + string.Join("、", p.ExemptPayers.Order(StringComparer.Ordinal)) + "）",
        _ => "正常",
    };

    private static string Source(string source) => source switch
    {
        LimitSource.Case => "办件数据行",
        LimitSource.Item => "事项目录 items.json",
        LimitSource.Default => "settings.json defaultStatutoryLimit",
        LimitSource.Statutory => "未规定承诺时限，取法定时限",
        _ => source,
    };

    private static string Week(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "周一",
        DayOfWeek.Tuesday => "周二",
        DayOfWeek.Wednesday => "周三",
        DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五",
        DayOfWeek.Saturday => "周六",
        _ => "周日",
    };

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DN(DateOnly? d) => d is { } x ? D(x) : "（日历未覆盖，无法计算）";
}
