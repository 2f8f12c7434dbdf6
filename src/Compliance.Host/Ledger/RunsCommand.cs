using System.CommandLine;
using Compliance.Engine.Catalog;
using Compliance.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Host.Ledger;

/// <summary><c>compliance runs list|show</c>: what the host judged, when, with which rules and inputs.</summary>
internal static class RunsCommand
{
    public static Command Create(TimeProvider clock, TextWriter stdout, TextWriter stderr) =>
        new("runs", "复核记录") { List(clock, stdout, stderr), Show(clock, stdout, stderr) };

    private static Command List(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var shared = new LedgerCommandOptions();
        var limit = new Option<int>("--limit") { Description = "最多列出条数", DefaultValueFactory = _ => 30 };
        var command = new Command("list", "列出最近的复核，以及被拒绝的规则集") { limit };
        shared.AddTo(command);
        command.SetAction(parse => LedgerSession.Look(parse, shared, clock, stderr, db =>
        {
            // Every column but the summary: a large run's is megabytes, packed, and the list shows none of it.
            var runs = db.Runs.AsNoTracking().OrderByDescending(r => r.Id).Take(parse.GetValue(limit))
                .Select(r => new RunRow
                {
                    Id = r.Id,
                    Trigger = r.Trigger,
                    StartedAt = r.StartedAt,
                    AsOf = r.AsOf,
                    RuleSetVersion = r.RuleSetVersion,
                    RuleSetHash = r.RuleSetHash,
                    Feeds = r.Feeds,
                    FindingCount = r.FindingCount,
                    BaseRunId = r.BaseRunId,
                    StoredFindings = r.StoredFindings,
                    RejectCount = r.RejectCount,
                    AlertsOpened = r.AlertsOpened,
                    AlertsChanged = r.AlertsChanged,
                    AlertsClosed = r.AlertsClosed,
                    DurationMs = r.DurationMs,
                    SummaryJson = "",
                    State = r.State,
                    Error = r.Error,
                })
                .ToList();
            var failed = db.Runs.Count(r => r.State == RunState.Failed);
            stdout.WriteLine(failed > 0 ? $"复核 {db.Runs.Count()} 次，其中失败 {failed} 次" : $"复核 {db.Runs.Count()} 次");
            foreach (var r in runs)
            {
                if (r.State == RunState.Failed)
                {
                    // The error's first line names the rule file and record; runs show gives the whole of it.
                    stdout.WriteLine($"#{r.Id}\t{AlertsCommand.Time(r.StartedAt)}\t基准日期 {r.AsOf:yyyy-MM-dd}\t{r.Trigger}\t规则集 {RuleSet.LabelOf(r.RuleSetVersion, r.RuleSetHash)}\t" +
                        $"{RunState.ToChinese(r.State)}：{FirstLine(r.Error)}\t{r.DurationMs} ms\t{r.Feeds}");
                    continue;
                }
                stdout.WriteLine($"#{r.Id}\t{AlertsCommand.Time(r.StartedAt)}\t基准日期 {r.AsOf:yyyy-MM-dd}\t{r.Trigger}\t规则集 {RuleSet.LabelOf(r.RuleSetVersion, r.RuleSetHash)}\t" +
                    $"问题 {r.FindingCount}\t{Stored(r)}\t拒收 {r.RejectCount}\t新挂账 {r.AlertsOpened}\t变化 {r.AlertsChanged}\t关闭 {r.AlertsClosed}\t{r.DurationMs} ms\t{r.Feeds}");
            }
            var lastEvent = db.RuleSetEvents.AsNoTracking().OrderByDescending(e => e.Id).FirstOrDefault();
            if (lastEvent is { Outcome: "refused" })
            {
                stdout.WriteLine($"注意：{AlertsCommand.Time(lastEvent.At)} 修改后的规则集被拒绝，仍在使用 {(lastEvent.Label.Length > 0 ? lastEvent.Label : "（无）")}：");
                foreach (var line in lastEvent.Problems.Split('\n'))
                {
                    stdout.WriteLine($"  {line}");
                }
            }
            return ExitCode.Completed;
        }));
        return command;
    }

    private static Command Show(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var shared = new LedgerCommandOptions();
        var id = new Argument<long>("id") { Description = "复核编号" };
        var command = new Command("show", "查看一次复核：输入文件及其 SHA-256、统计（summary.json）") { id };
        shared.AddTo(command);
        command.SetAction(parse => LedgerSession.Look(parse, shared, clock, stderr, db =>
        {
            var runId = parse.GetValue(id);
            var r = db.Runs.AsNoTracking().SingleOrDefault(x => x.Id == runId);
            if (r is null)
            {
                stderr.WriteLine($"复核 #{runId} 不存在。");
                return ExitCode.NothingJudged;
            }
            stdout.WriteLine($"复核 #{r.Id}（{r.Trigger}）　开始 {AlertsCommand.Time(r.StartedAt)}　基准日期 {r.AsOf:yyyy-MM-dd}　用时 {r.DurationMs} ms");
            stdout.WriteLine($"规则集：{RuleSet.LabelOf(r.RuleSetVersion, r.RuleSetHash)}");
            if (r.State == RunState.Failed)
            {
                stdout.WriteLine("状态：失败，未产生任何问题记录，挂账未作变动");
                stdout.WriteLine("错误：");
                stdout.WriteLine(r.Error);
                stdout.WriteLine("输入文件：");
                foreach (var f in db.RunInputs.AsNoTracking().Where(x => x.RunId == r.Id).OrderBy(x => x.Name).ToList())
                {
                    stdout.WriteLine($"  {f.Feed}\t{f.Name}\t{f.Sha256}");
                }
                return ExitCode.Completed;
            }
            stdout.WriteLine($"问题 {r.FindingCount} 条（{Stored(r)}），拒收 {r.RejectCount} 处；挂账新增 {r.AlertsOpened}，变化 {r.AlertsChanged}，关闭 {r.AlertsClosed}");
            stdout.WriteLine("输入文件：");
            foreach (var f in db.RunInputs.AsNoTracking().Where(x => x.RunId == r.Id).OrderBy(x => x.Name).ToList())
            {
                stdout.WriteLine($"  {f.Feed}\t{f.Name}\t{f.Sha256}\t{f.Encoding}");
            }
            stdout.WriteLine("summary.json：");
            stdout.Write(r.SummaryJson);
            return ExitCode.Completed;
        }));
        return command;
    }

    private static string FirstLine(string? text)
    {
        var line = (text ?? "").Split('\n')[0].TrimEnd('\r');
        var more = (text ?? "").Contains('\n', StringComparison.Ordinal) ? "（……见 runs show）" : "";
        return line + more;
    }

    /// <summary>How the run's findings are stored: in full, or as its changes against the run it was judged from.</summary>
    private static string Stored(RunRow r) => r.BaseRunId is { } baseRun
        ? $"增量：相对复核 #{baseRun} 变化 {r.StoredFindings} 条"
        : "全量";
}
