using System.CommandLine;
using Compliance.Engine.Catalog;

namespace Compliance.Host;

/// <summary><c>compliance check</c>: its options, and the glue from parsed arguments to <see cref="CheckRun"/>.</summary>
internal static class CheckCommand
{
    public const string DefaultOut = "out";

    public static Command Create(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var rules = new Option<string>("--rules")
        {
            Description = "规则集目录（rules/）",
            HelpName = "dir",
            Required = true,
        }.NotBlank();
        var data = new Option<string>("--data")
        {
            Description = "数据目录（cases.csv、procedures.csv、charges.csv、stages.csv）",
            HelpName = "dir",
            Required = true,
        }.NotBlank();
        var asOf = CliDates.AsOfOption("基准日期 YYYY-MM-DD，默认为北京时间今天");
        var output = new Option<string>("--out")
        {
            Description = "输出目录",
            HelpName = "dir",
            DefaultValueFactory = _ => DefaultOut,
        }.NotBlank();
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "存在该级别及以上的问题时退出码为 1",
            HelpName = "warning|yellow|red",
        };
        failOn.AcceptOnlyFromAmong("warning", "yellow", "red");
        var strict = new Option<bool>("--strict")
        {
            Description = "有任何被拒收的行或文件时退出码为 3",
        };

        var since = new Option<string?>("--since")
        {
            Description = "上次检查的输出目录：输入文件和规则集都未变时，只重新判定随日期变化的部分（结果与完整检查相同）",
            HelpName = "dir",
        }.NotBlank();
        var command = new Command("check", "按规则集检查数据目录，写出 findings.jsonl、rejects.csv 和 summary.json")
        {
            rules, data, asOf, output, failOn, strict, since,
        };
        command.SetAction(parse =>
        {
            var options = new CheckOptions
            {
                RulesDirectory = parse.GetRequiredValue(rules),
                DataDirectory = parse.GetRequiredValue(data),
                AsOf = parse.GetValue(asOf) ?? ShanghaiDate.Today(clock),
                OutDirectory = parse.GetValue(output) ?? DefaultOut,
                FailOn = SeverityNames.TryParse(parse.GetValue(failOn), out var severity) ? severity : null,
                Strict = parse.GetValue(strict),
                Since = parse.GetValue(since),
            };
            return CheckRun.Execute(options, clock, stdout, stderr);
        });
        return command;
    }
}
