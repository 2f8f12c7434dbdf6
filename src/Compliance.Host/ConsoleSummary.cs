using System.Globalization;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;

namespace Compliance.Host;

/// <summary>The short report a supervisor reads in the terminal, in Chinese; summary.json holds the full figures.</summary>
internal static class ConsoleSummary
{
    private const int TopUnits = 10;
    private const int ListedIds = 10;

    private static readonly IReadOnlyDictionary<string, string> FeedNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cases"] = "办件",
        ["procedures"] = "特别程序",
        ["charges"] = "收费",
        ["stages"] = "重点项目环节",
    };

    private static readonly IReadOnlyDictionary<string, string> ReasonNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RejectReason.MissingRequired] = "缺少必填值",
        [RejectReason.BadDate] = "日期无法识别",
        [RejectReason.BadNumber] = "数字无法识别",
        [RejectReason.NegativeAmount] = "金额为负",
        [RejectReason.UnknownValue] = "未知取值",
        [RejectReason.EndBeforeStart] = "结束早于开始",
        [RejectReason.DuplicateKey] = "主键重复",
        [RejectReason.BadRow] = "行格式错误",
        [RejectReason.MissingColumn] = "文件缺少必需列",
        [RejectReason.BadFile] = "文件无法读取",
    };

    public static void Write(TextWriter w, DateOnly asOf, RuleSet ruleSet, FeedData data, CheckResult result, OutputFiles files)
    {
        var counts = result.Counts;
        w.WriteLine("效能监察检查完成");
        w.WriteLine($"基准日期：{asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        w.WriteLine($"规则集：{ruleSet.Label}");
        WriteFeeds(w, data);
        w.WriteLine($"问题共 {counts.Total} 条：" + string.Join("，",
            new[] { Severity.Red, Severity.Yellow, Severity.Warning }.Select(s => $"{s.ToChinese()} {counts.CountOf(s)}")));
        WriteByCode(w, counts);
        WriteByUnit(w, counts, ruleSet);
        WriteRejects(w, data);
        if (data.UnknownColumns.Count > 0)
        {
            w.WriteLine("已忽略的未知列：" + string.Join("；", data.UnknownColumns.Select(u => $"{u.Key}：{string.Join("、", u.Value)}")));
        }
        WriteBookkeeping(w, result);
        w.WriteLine("输出文件：");
        w.WriteLine($"  {files.Findings}");
        w.WriteLine($"  {files.Rejects}");
        w.WriteLine($"  {files.Summary}");
    }

    private static void WriteFeeds(TextWriter w, FeedData data)
    {
        var parts = SummaryWriter.Feeds.Select(feed =>
        {
            var s = data.Stats.GetValueOrDefault(feed) ?? new FeedStats();
            return $"{FeedNames[feed]} {s.Read} 行（接受 {s.Accepted}，拒收 {s.Rejected}，重复 {s.Duplicate}）";
        });
        w.WriteLine($"读取数据：{string.Join("；", parts)}");
    }

    private static void WriteByCode(TextWriter w, FindingCounts counts)
    {
        if (counts.ByCode.Count == 0)
        {
            return;
        }
        w.WriteLine("按规则：");
        foreach (var (code, n) in counts.ByCode)
        {
            w.WriteLine($"  {code}  {n}");
        }
    }

    private static void WriteByUnit(TextWriter w, FindingCounts counts, RuleSet ruleSet)
    {
        if (counts.ByUnit.Count == 0)
        {
            return;
        }
        var ranked = counts.ByUnit
            .OrderByDescending(u => u.Value)
            .ThenBy(u => u.Key, StringComparer.Ordinal)
            .ToList();
        w.WriteLine(ranked.Count > TopUnits ? $"按单位（前 {TopUnits} 个）：" : "按单位：");
        foreach (var (unit, n) in ranked.Take(TopUnits))
        {
            w.WriteLine($"  {UnitLabel(unit, ruleSet)}  {n}");
        }
        if (ranked.Count > TopUnits)
        {
            var rest = ranked.Skip(TopUnits).ToList();
            w.WriteLine($"  其余 {rest.Count} 个单位  {rest.Sum(u => u.Value)}");
        }
    }

    private static string UnitLabel(string unit, RuleSet ruleSet)
    {
        if (unit == FindingCounts.NoUnit)
        {
            return "（无责任单位）";
        }
        return ruleSet.Units.TryGetValue(unit, out var known) ? $"{unit} {known.Name}" : unit;
    }

    private static void WriteRejects(TextWriter w, FeedData data)
    {
        if (data.Rejects.Count == 0)
        {
            w.WriteLine("拒收：无");
            return;
        }
        w.WriteLine($"拒收 {data.Rejects.Count} 处（行或整个文件）：");
        foreach (var group in data.Rejects.GroupBy(r => r.Reason).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = ReasonNames.TryGetValue(group.Key, out var zh) ? $"{group.Key}（{zh}）" : group.Key;
            w.WriteLine($"  {name}  {group.Count()}");
        }
        // A file refused whole loses every row it held: worth naming here, not only in rejects.csv.
        foreach (var file in data.Rejects.Where(r => r.WholeFile))
        {
            w.WriteLine($"  文件拒收：{file.Message}");
        }
    }

    private static void WriteBookkeeping(TextWriter w, CheckResult result)
    {
        w.WriteLine(result.CalendarMissing.Count == 0
            ? "日历未覆盖：无"
            : "日历未覆盖、未予判断：" + string.Join("；", result.CalendarMissing.Select(m => $"{m.Key} 年 {m.Value.Count} 条记录")));
        w.WriteLine(result.UnknownUnits.Count == 0
            ? "未知单位：无"
            : $"未知单位 {result.UnknownUnits.Count} 个：{Listed(result.UnknownUnits)}");
        w.WriteLine(result.OrphanCharges.Count == 0
            ? "孤立收费：无"
            : $"孤立收费（无对应办件）{result.OrphanCharges.Count} 条：{Listed(result.OrphanChargesInOrder, result.OrphanCharges.Count)}");
        var future = result.FutureDated.Where(f => f.Value > 0).ToList();
        w.WriteLine(future.Count == 0
            ? "晚于基准日期的记录：无"
            : "晚于基准日期、未予判断：" + string.Join("，", future.Select(f => $"{FeedNames.GetValueOrDefault(f.Key, f.Key)} {f.Value} 行")));
    }

    private static string Listed(IReadOnlyCollection<string> ids) => Listed(ids, ids.Count);

    /// <summary>The first few of <paramref name="count"/> ids, in the order given.</summary>
    private static string Listed(IEnumerable<string> ids, int count)
    {
        var shown = string.Join("、", ids.Take(ListedIds));
        return count > ListedIds ? $"{shown} 等" : shown;
    }
}
