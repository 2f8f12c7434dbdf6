using System.CommandLine;
using Compliance.Engine.Catalog;
using Compliance.Host.Generation;

namespace Compliance.Host;

/// <summary><c>compliance generate</c>: a realistic, deterministic data set for the shipped or any rule set.</summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var rules = new Option<string>("--rules") { Description = "规则集目录（数据中的编码取自该规则集）", HelpName = "dir", DefaultValueFactory = _ => RulesCommand.DefaultRules };
        var output = new Option<string>("--out") { Description = "输出目录", HelpName = "dir", Required = true };
        var cases = new Option<int>("--cases") { Description = "办件数（收费约2倍，环节约0.1倍，特别程序约5%）", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "随机种子（相同参数生成相同字节）", DefaultValueFactory = _ => GeneratorOptions.DefaultSeed };
        var asOf = CliDates.AsOfOption("数据的基准日期，默认 2025-11-03");
        var breachRate = new Option<double>("--breach-rate") { Description = "违规记录比例", DefaultValueFactory = _ => GeneratorOptions.DefaultBreachRate };
        var badRows = new Option<int>("--bad-rows") { Description = "每个数据文件中故意写坏的行数", DefaultValueFactory = _ => 0 };
        var utf8Cases = new Option<bool>("--utf8-cases") { Description = "cases.csv 用 UTF-8 英文表头（默认 GB18030 中文表头）" };
        var samples = new Option<bool>("--samples") { Description = "按随附样例数据的参数生成（300 个办件，基准日期 2025-11-03，含坏行）" };
        var force = new Option<bool>("--force") { Description = "覆盖输出目录中已有的 cases/procedures/charges/stages.csv（如重新生成 samples/）" };
        var command = new Command("generate", "生成逼真的测试数据（cases/procedures/charges/stages.csv）")
        {
            rules, output, cases, seed, asOf, breachRate, badRows, utf8Cases, samples, force,
        };
        command.SetAction(parse =>
        {
            if (RuleSetOrProblems.Load(parse.GetRequiredValue(rules), stderr) is not { } checker)
            {
                return ExitCode.NothingJudged;
            }
            var ruleSet = checker.RuleSet;
            var dir = parse.GetRequiredValue(output);
            // An office's own exports in the folder named by mistake are never overwritten unasked.
            var existing = FeedLayout.FileNames.Where(f => File.Exists(Path.Combine(dir, f))).ToList();
            if (existing.Count > 0 && !parse.GetValue(force))
            {
                stderr.WriteLine($"输出目录 {Path.GetFullPath(dir)} 中已有 {string.Join("、", existing)}，不会覆盖；确需覆盖（如重新生成 samples/）请加 --force。");
                return ExitCode.NothingJudged;
            }
            var options = parse.GetValue(samples)
                ? SampleData.Options(ruleSet, dir)
                : new GeneratorOptions
                {
                    RuleSet = ruleSet,
                    OutputDirectory = dir,
                    AsOf = parse.GetValue(asOf) ?? SampleData.AsOf,
                    Cases = parse.GetValue(cases),
                    Seed = parse.GetValue(seed),
                    BreachRate = parse.GetValue(breachRate),
                    BadRowsPerFeed = parse.GetValue(badRows),
                    CasesInGb18030 = !parse.GetValue(utf8Cases),
                };
            try
            {
                stdout.Write(GenerationReport.Describe(DataGenerator.Generate(options)));
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"参数错误：{e.Message}");
                return ExitCode.NothingJudged;
            }
            return ExitCode.Completed;
        });
        return command;
    }
}
