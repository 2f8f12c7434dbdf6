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
            switch (key)
            {
                case "id":
                    value = c.ChargeId;
                    return true;
                case "feeName":
                    value = c.Fee?.Name ?? c.Record.FeeName ?? c.FeeCode;
                    return true;
                case "feeBasis":
                    value = c.Fee?.Basis ?? "";
                    return true;
                case "periodFrom":
                    value = p?.From;
                    return true;
                case "periodBasis":
                    value = p?.Basis ?? c.Fee?.Basis ?? "";
                    return true;
                case "statusText":
                    value = p?.Status switch
                    {
                        FeeStatus.Abolished => "取消",
                        FeeStatus.Suspended => "停征",
                        FeeStatus.Exempt => "免征",
                        _ => "正常",
                    };
                    return true;
                case "payerText":
                    value = c.PayerType ?? "缴款人";
                    return true;
                case "scopeText":
                    value = words?.ScopeText ?? "不限";
                    return true;
                case "collectorsText":
                    value = words?.CollectorsText ?? "不限";
                    return true;
                case "itemName":
                    value = c.Item?.Name ?? "";
                    return true;
                case "itemBasis":
                    value = "《中华人民共和国行政许可法》第五十八条" + (string.IsNullOrEmpty(c.Item?.Basis) ? "" : "；" + c.Item!.Basis);
                    return true;
                case "max" when p?.Max is { } max:
                    value = max;
                    return true;
                case "over" when p?.Max is { } max:
                    value = c.Amount - max;
                    return true;
                default:
                    value = null;
                    return false;
            }
        }
    }

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
