using System.Globalization;
using System.Text;

namespace Compliance.Host.Generation;

/// <summary>The console account of a generation, in Chinese like the rest of the program's output.</summary>
public static class GenerationReport
{
    public static string Describe(GenerationSummary summary)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"已生成数据（随机种子 {summary.Seed}，检查基准日 {ValueFormats.Iso(summary.AsOf)}）：").AppendLine();
        foreach (var file in summary.Files)
        {
            var rows = summary.DataRows.GetValueOrDefault(file.Feed);
            text.Append(invariant, $"  {Path.GetFileName(file.Path)}  {file.Encoding}，{(file.ChineseHeaders ? "中文" : "英文")}表头，{rows} 条数据（{file.Lines} 个物理行）").AppendLine();
        }
        var share = summary.Records == 0 ? 0 : (double)summary.Breaches.Count / summary.Records;
        text.Append(invariant, $"预置违规记录 {summary.Breaches.Count} 条（占 {summary.Records} 条记录的 {share:P1}），检查应得：").AppendLine();
        foreach (var (code, count) in summary.FindingCounts())
        {
            text.Append(invariant, $"  {code} {count}").AppendLine();
        }
        if (summary.WarningTalkUnits.Count > 0)
        {
            text.Append("  其中建议告诫谈话的单位：").AppendJoin("、", summary.WarningTalkUnits).AppendLine();
        }
        if (summary.Rejects.Count > 0 || summary.Duplicates.Count > 0)
        {
            text.Append(invariant, $"预置坏行 {summary.Rejects.Count} 行，读取时应拒收：")
                .AppendJoin("，", summary.RejectCounts().Select(kv => $"{kv.Key} {kv.Value}"))
                .AppendLine();
            text.Append(invariant, $"完全重复的行 {summary.Duplicates.Count} 行，应只计一次、不拒收").AppendLine();
        }
        if (summary.NotPlanted.Count > 0)
        {
            text.Append("规则集无法承载、未预置的违规类型：").AppendJoin("、", summary.NotPlanted).AppendLine();
        }
        return text.ToString();
    }
}
