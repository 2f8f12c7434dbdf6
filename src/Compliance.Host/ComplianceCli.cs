using System.CommandLine;
using System.Globalization;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Compliance.Host;

/// <summary>
/// The program's command line, callable in-process: arguments and writers in, exit status out.
/// System.CommandLine answers a parse error with status 1, which the contract reserves for findings at or above
/// --fail-on, so parse errors are reported here and mapped to status 2.
/// </summary>
internal static class ComplianceCli
{
    public static RootCommand Build(TimeProvider clock, TextWriter stdout, TextWriter stderr) =>
        new("效能监察合规检查：按规则集检查办件、收费和重点项目数据")
        {
            CheckCommand.Create(clock, stdout, stderr),
            RulesCommand.Create(clock, stdout, stderr),
            ExplainCommand.Create(clock, stdout, stderr),
            GenerateCommand.Create(stdout, stderr),
            Bench.BenchCommand.Create(stdout, stderr),
            Bench.BenchProbeCommand.Create(stdout, stderr),
            Bench.BenchLedgerCommand.Create(stdout, stderr),
            Ledger.ServeCommand.Create(clock, stderr),
            Ledger.IngestCommand.Create(clock, stdout, stderr),
            Ledger.AlertsCommand.Create(clock, stdout, stderr),
            Ledger.RunsCommand.Create(clock, stdout, stderr),
        };

    // The words of the command the error is about, e.g. "compliance alerts rectify", so the hint names its help.
    private static string CommandPath(CommandResult command)
    {
        var words = new List<string>();
        for (SymbolResult? at = command; at is not null; at = at.Parent)
        {
            if (at is CommandResult c)
            {
                words.Insert(0, c.Parent is null ? "compliance" : c.Command.Name);
            }
        }
        return string.Join(" ", words);
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        // The parser's own words (errors, help headings) come from its zh-Hans resources, like every message the
        // program writes for its users. Only the UI culture changes: formatting stays culture-invariant.
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            return RunInChinese(args, stdout, stderr, clock);
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static int RunInChinese(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var parse = Build(clock, stdout, stderr).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"参数错误：{ParseErrorText.Chinese(error.Message)}");
            }
            var path = CommandPath(parse.CommandResult);
            stderr.WriteLine(path is "compliance" or "compliance check"
                ? "用法：compliance check --rules <目录> --data <目录> [--as-of YYYY-MM-DD] [--out <目录>] " +
                    "[--fail-on warning|yellow|red] [--strict]；详见 compliance check --help"
                : $"用法：详见 {path} --help");
            return ExitCode.NothingJudged;
        }
        return parse.Invoke(new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // A bug should surface as a crash with its stack trace, not as status 1, which means "findings".
            EnableDefaultExceptionHandler = false,
        });
    }
}
