using System.Globalization;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;

namespace Compliance.Host;

/// <summary>
/// <c>check --since DIR</c>: an earlier run's output folder as the baseline of an incremental run. It is used
/// only when it judged the very same input files (SHA-256) with the very same rule set (version and hash) as of
/// an earlier or equal date; otherwise the run is a full one and says why.
/// </summary>
internal static class PreviousRun
{
    public static Baseline? TryLoad(string directory, RuleSet ruleSet, FeedData data, DateOnly asOf, out string why)
    {
        var summaryPath = Path.Combine(directory, SummaryWriter.FileName);
        var findingsPath = Path.Combine(directory, FindingsWriter.FileName);
        if (!File.Exists(summaryPath) || !File.Exists(findingsPath))
        {
            why = $"{directory} 中没有上次的 summary.json 和 findings.jsonl";
            return null;
        }
        PreviousSummary summary;
        try
        {
            summary = PreviousSummary.Read(summaryPath);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            why = $"上次的 summary.json 无法读取：{e.Message}";
            return null;
        }
        var label = summary.Label;
        if (label != ruleSet.Label)
        {
            why = $"规则集不同（上次 {label}，本次 {ruleSet.Label}）";
            return null;
        }
        var before = summary.Inputs.Order(StringComparer.Ordinal);
        var now = data.Files.Select(f => $"{f.Feed}|{f.Name}|{f.Sha256}").Order(StringComparer.Ordinal);
        if (!before.SequenceEqual(now))
        {
            why = "输入文件有变化（SHA-256 不同）";
            return null;
        }
        if (!DateOnly.TryParseExact(summary.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var previousAsOf)
            || previousAsOf > asOf)
        {
            why = $"上次的基准日期 {summary.AsOf} 晚于本次 {asOf:yyyy-MM-dd}";
            return null;
        }
        var missing = summary.CalendarMissing;
        why = $"以 {directory}（基准日期 {previousAsOf:yyyy-MM-dd}）为基础增量检查";
        return new Baseline(previousAsOf, FindingsReader.ReadFile(findingsPath), missing);
    }
}
