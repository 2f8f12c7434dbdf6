using System.CommandLine;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;
using Compliance.Rules.Explaining;

namespace Compliance.Host;

/// <summary><c>compliance explain SUBJECT</c>: one subject's judgement worked out by hand, in Chinese.</summary>
internal static class ExplainCommand
{
    public static Command Create(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var rules = new Option<string>("--rules") { Description = "规则集目录", HelpName = "dir", DefaultValueFactory = _ => RulesCommand.DefaultRules };
        var data = new Option<string>("--data") { Description = "数据目录", HelpName = "dir", Required = true };
        var asOf = CliDates.AsOfOption("基准日期，默认为北京时间今天");
        var subject = new Argument<string>("subject") { Description = "case:<办件编号>、charge:<缴款单号>、stage:<项目代码>/<环节> 或 unit:<单位编码>" };
        var command = new Command("explain", "逐日说明一个主体的判定过程、依据和结论") { rules, data, asOf, subject };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? ShanghaiDate.Today(clock);
            if (RuleSetOrProblems.Load(parse.GetRequiredValue(rules), stderr) is not { } checker)
            {
                return ExitCode.NothingJudged;
            }
            var ruleSet = checker.RuleSet;
            var dataDir = parse.GetRequiredValue(data);
            if (!CliFolders.DataFolderExists(dataDir, stderr))
            {
                return ExitCode.NothingJudged;
            }
            var feeds = FeedReader.ReadFolder(dataDir, ruleSet.Stages);
            var wanted = parse.GetRequiredValue(subject);
            var trace = checker.Trace(feeds, date, NormalizeStage(wanted, ruleSet));
            stdout.Write(SubjectExplainer.Explain(trace, ruleSet, date));
            // A typo in the subject must not look like a clean bill to a script checking the status.
            return trace.Unknown ? ExitCode.NothingJudged : ExitCode.Completed;
        });
        return command;
    }

    /// <summary>Lets a user type <c>stage:P/eia</c> or an alias; subjects use the canonical Chinese stage name.</summary>
    private static string NormalizeStage(string subject, RuleSet ruleSet)
    {
        if (!subject.StartsWith("stage:", StringComparison.Ordinal))
        {
            return subject;
        }
        var slash = subject.LastIndexOf('/');
        return slash > 0 && ruleSet.Stages.TryResolve(subject[(slash + 1)..], out var stage)
            ? subject[..(slash + 1)] + stage
            : subject;
    }
}
