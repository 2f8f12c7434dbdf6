using System.CommandLine;
using Compliance.Host.Serve;

namespace Compliance.Host.Ledger;

/// <summary><c>compliance ingest FILE…</c>: what the inbox does, for files named on the command line, at once.</summary>
internal static class IngestCommand
{
    public static Command Create(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var shared = new LedgerCommandOptions();
        var files = new Argument<string[]>("files") { Description = "导出文件（文件名以 cases/procedures/charges/stages 开头）", Arity = ArgumentArity.OneOrMore };
        var command = new Command("ingest", "接收数据文件：校验、存档、替换当前数据并立即复核") { files };
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetRequiredValue(files).Select(Path.GetFullPath).ToList();
            var missing = paths.Where(p => !File.Exists(p)).ToList();
            if (missing.Count > 0)
            {
                stderr.WriteLine($"文件不存在：{string.Join("、", missing)}");
                return ExitCode.NothingJudged;
            }
            using var session = LedgerSession.Open(parse, shared, clock, stderr);
            if (session is null)
            {
                return ExitCode.NothingJudged;
            }
            IReadOnlyList<InboxFile> outcomes;
            try
            {
                outcomes = await session.Get<InboxProcessor>().Accept(paths, "ingest", move: false, cancellationToken);
            }
            catch (InvalidOperationException e) when (e.Message.StartsWith("规则集", StringComparison.Ordinal))
            {
                stderr.WriteLine(e.Message);
                return ExitCode.NothingJudged;
            }
            foreach (var o in outcomes)
            {
                var what = o.Outcome switch
                {
                    InboxFile.Accepted => $"已接收为 {o.Reason}",
                    InboxFile.Duplicate => "内容重复，未处理",
                    _ => "已拒收：" + o.Reason.Replace("\n", "；", StringComparison.Ordinal),
                };
                stdout.WriteLine($"{o.Name}：{what}");
            }
            return outcomes.Any(o => o.Outcome == InboxFile.Rejected) ? ExitCode.StrictRejected : ExitCode.Completed;
        });
        return command;
    }
}
