using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;

namespace Compliance.Rules.Explaining;

/// <summary>
/// Why a built-in check that raised nothing did not apply to its subject at all. The built-in rules hold both
/// when the record passes and when an earlier step of checks.md already decided it (a case past its statutory
/// limit is not also judged against its promise; a fee found abolished is not measured against its standard):
/// an explanation that called both "通过" would tell a supervisor a breached case kept its promise. The guards here
/// are those of the built-in workflows' expressions, which rule authors cannot change.
/// </summary>
internal static class NotApplied
{
    public static string? Why(string rule, object? facts) => facts switch
    {
        CaseFacts c => ForCase(rule, c),
        StageFacts s => ForStage(rule, s),
        ChargeFacts ch => ForCharge(rule, ch),
        _ => null,
    };

    private static string? ForCase(string rule, CaseFacts c)
    {
        var statutoryOver = c.Used > c.StatutoryLimit + c.Extension;
        var promisedOver = c.Used > c.PromisedLimit + c.Extension;
        return rule switch
        {
            BuiltInChecks.CaseOverduePromised when statutoryOver => $"已超过法定时限，见 {BuiltInChecks.CaseOverdueStatutory}",
            BuiltInChecks.CaseDueSoon when !c.Open => "办件已办结",
            BuiltInChecks.CaseDueSoon when statutoryOver => $"已超过法定时限，见 {BuiltInChecks.CaseOverdueStatutory}",
            BuiltInChecks.CaseDueSoon when promisedOver => $"已超过承诺时限，见 {BuiltInChecks.CaseOverduePromised}",
            _ => null,
        };
    }

    private static string? ForStage(string rule, StageFacts s) => rule switch
    {
        BuiltInChecks.StageOverdue or BuiltInChecks.StageDueSoon when !s.HasLimit => "该环节不计时限",
        BuiltInChecks.StageDueSoon when !s.Open => "环节已办结",
        BuiltInChecks.StageDueSoon when s.BreachOn is not null => $"已超期，见 {BuiltInChecks.StageOverdue}",
        _ => null,
    };

    private static string? ForCharge(string rule, ChargeFacts ch)
    {
        // Steps 1–4 stop at the first that holds; 5–7 run only for a charge that passed all four.
        var decidedBy = ch.Fee is null ? BuiltInChecks.FeeUnknown
            : ch.Period is null ? BuiltInChecks.FeeNotInForce
            : ch.Period.IsStopped ? BuiltInChecks.FeeAbolished
            : ch.Period.ExemptsPayer(ch.PayerType) ? BuiltInChecks.FeeExemptCharged
            : null;
        if (decidedBy is not null)
        {
            var stop = Array.IndexOf(StoppingSteps, decidedBy);
            if (Array.IndexOf(StoppingSteps, rule) > stop
                || rule is BuiltInChecks.FeeOutOfScope or BuiltInChecks.FeeOverStandard or BuiltInChecks.FeeUnauthorizedCollector)
            {
                return $"已在第{stop + 1}步得出结论，见 {decidedBy}";
            }
        }
        return rule switch
        {
            BuiltInChecks.FeeOutOfScope or BuiltInChecks.FeeFreeItemCharged when !ch.CaseKnown => "办件不在办件数据中，事项未知",
            BuiltInChecks.FeeFreeItemCharged when ch.Item is null => "事项不在 items.json 中",
            _ => null,
        };
    }

    private static readonly string[] StoppingSteps =
        [BuiltInChecks.FeeUnknown, BuiltInChecks.FeeNotInForce, BuiltInChecks.FeeAbolished, BuiltInChecks.FeeExemptCharged];
}
