using System.Runtime.CompilerServices;
using Compliance.Engine.Catalog;
using Compliance.Engine.Evaluation;
using Compliance.Engine.Findings;

namespace Compliance.Rules.Evaluation;

/// <summary>The working of a fee finding, naming the catalogue period it was judged against.</summary>
internal static class ChargeEvidence
{
    public static TemplateValues For(string rule, ChargeFacts c)
    {
        var e = new Evidence()
            .Add("chargedOn", c.ChargedOn)
            .Add("feeCode", c.FeeCode)
            .Add("amount", c.Amount)
            .Add("caseId", c.CaseId)
            .Add("caseKnown", c.CaseKnown)
            .Add("itemCode", c.ItemCode)
            .Add("payerType", c.PayerType)
            .Add("collector", c.Collector);
        var p = c.Period;
        var words = p is null ? null : Words.GetValue(p, Describe);
        if (words is not null)
        {
            e.Add("period", words.Evidence);
        }
        else if (c.Fee is not null)
        {
            e.Add("periods", c.Fee.Periods.Select(x => $"{x.From:yyyy-MM-dd}至{(x.To is { } t ? t.ToString("yyyy-MM-dd", null) : "今")}").ToList());
        }
        if (rule == "fee.over-standard" && p?.Max is { } max)
        {
            e.Add("max", max).Add("over", c.Amount - max);
        }
        if (rule == "fee.free-item-charged" && c.Item is not null)
        {
            e.Add("itemFree", c.Item.Free);
        }

        return new TemplateValues(e, new ChargeWording(c, words).TryGet);
    }

    /// <summary>
    /// The wording values of a fee finding, worked out from the facts when a template names one. The facts are
    /// reused for the next charge once the finding is made, so this lives no longer than its finding's making.
    /// </summary>
    private sealed class ChargeWording(ChargeFacts c, PeriodWords? words)
    {
        public bool TryGet(ReadOnlySpan<char> key, out object? value)
        {
            var p = c.Period;
            value = key switch
            {
                "id" => c.ChargeId,
                "feeName" => c.Fee?.Name ?? c.Record.FeeName ?? c.FeeCode,
                "feeBasis" => c.Fee?.Basis ?? "",
                "periodFrom" => p?.From,
                "periodBasis" => p?.Basis ?? c.Fee?.Basis ?? "",
                "statusText" => p?.Status switch
                {
                    FeeStatus.Abolished => "取消",
                    FeeStatus.Suspended => "停征",
                    FeeStatus.Exempt => "免征",
                    _ => "正常",
                },
                "payerText" => c.PayerType ?? "缴款人",
                "scopeText" => words?.ScopeText ?? "不限",
                "collectorsText" => words?.CollectorsText ?? "不限",
                "itemName" => c.Item?.Name ?? "",
                "itemBasis" => "《中华人民共和国行政许可法》第五十八条" + (string.IsNullOrEmpty(c.Item?.Basis) ? "" : "；" + c.Item!.Basis),
                "max" when p?.Max is { } m => m,
                "over" when p?.Max is { } m => c.Amount - m,
                _ => Unknown,
            };
            if (ReferenceEquals(value, Unknown))
            {
                value = null;
                return false;
            }
            return true;
        }
    }

    private static readonly object Unknown = new();

    /// <summary>
    /// What a finding says about its catalogue period, made once per period: thousands of findings cite the same
    /// few periods, and the evidence is only ever written out, never changed.
    /// </summary>
    private static readonly ConditionalWeakTable<FeePeriod, PeriodWords> Words = new();

    private static PeriodWords Describe(FeePeriod p) => new(
        new Evidence()
            .Add("from", p.From)
            .Add("to", p.To)
            .Add("status", p.Status.ToString().ToLowerInvariant())
            .Add("max", p.Max)
            .Add("scope", Sorted(p.Scope))
            .Add("collectors", Sorted(p.Collectors))
            .Add("exemptPayers", Sorted(p.ExemptPayers))
            .Add("basis", p.Basis),
        p.Scope is { } scope ? string.Join("、", scope.Order(StringComparer.Ordinal)) : null,
        p.Collectors is { } cs ? string.Join("、", cs.Order(StringComparer.Ordinal)) : null);

    private static List<string>? Sorted(IReadOnlySet<string>? set) => set?.Order(StringComparer.Ordinal).ToList();

    private sealed record PeriodWords(Evidence Evidence, string? ScopeText, string? CollectorsText);
}
