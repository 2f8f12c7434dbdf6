using System.CommandLine;
using Compliance.Engine.Catalog;
using Compliance.Engine.Ingest;
using Compliance.Rules.Diffing;
using Compliance.Rules.Evaluation;
using Compliance.Rules.Testing;

namespace Compliance.Host;

/// <summary><c>compliance rules validate|test|diff</c>: what a rule author runs before a rule set goes live.</summary>
internal static class RulesCommand
{
    public const string DefaultRules = "rules";

    public static Command Create(TimeProvider clock, TextWriter stdout, TextWriter stderr) =>
        new("rules", "规则集维护：校验、测试、比较")
        {
            Validate(clock, stdout, stderr),
            Test(stdout, stderr),
            Diff(clock, stdout, stderr),
        };

    private static Option<string> RulesOption() => new("--rules")
    {
        Description = "规则集目录",
        HelpName = "dir",
        DefaultValueFactory = _ => DefaultRules,
    };

    private static Command Validate(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var rules = RulesOption();
        var asOf = CliDates.AsOfOption("日历须覆盖该日期所在年份及下一年，默认为北京时间今天");
        var command = new Command("validate", "校验规则集：每个问题输出为 file:line:column: severity: message，有错误时退出码为 2") { rules, asOf };
        command.SetAction(parse =>
        {
            var dir = parse.GetRequiredValue(rules);
            if (!CliFolders.RulesFolderExists(dir, stderr))
            {
                return ExitCode.NothingJudged;
            }
            var date = parse.GetValue(asOf) ?? ShanghaiDate.Today(clock);
            var validation = RuleSetLoader.Validate(dir);
            var problems = new List<RuleSetProblem>(validation.Problems);
            // Custom rules are compiled even when other files have errors, so one pass shows every problem.
            try
            {
                Checker.Create(validation.RuleSet ?? WorkflowsOnly(dir, validation.Workflows));
            }
            catch (RuleSetException e)
            {
                problems.AddRange(e.Problems.Where(p => !problems.Contains(p)));
            }
            if (validation.CoveredYears.Count > 0)
            {
                foreach (var year in new[] { date.Year, date.Year + 1 })
                {
                    if (!validation.CoveredYears.Contains(year))
                    {
                        problems.Add(new RuleSetProblem("calendars/", 1, 1,
                            $"没有{year}年的日历：涉及{year}年的时限将列为 calendar-missing 而不予判定（{(year == date.Year ? "本年" : "下一年")}）",
                            RuleSetProblem.WarningSeverity));
                    }
                }
            }
            foreach (var p in problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column))
            {
                stdout.WriteLine($"{p.File}:{p.Line}:{p.Column}: {p.Severity}: {p.Message}");
            }
            var errors = problems.Count(p => p.IsError);
            var warnings = problems.Count - errors;
            if (validation.RuleSet is { } valid && errors == 0)
            {
                stdout.WriteLine($"规则集 {valid.Label}（版本 {valid.Version}，内容哈希 {valid.Hash}）：{errors} 个错误，{warnings} 个警告");
                return ExitCode.Completed;
            }
            stdout.WriteLine($"规则集被拒绝：{errors} 个错误，{warnings} 个警告");
            return ExitCode.NothingJudged;
        });
        return command;
    }

    /// <summary>
    /// A rule set holding only the workflow files the loader could read, and defaults, to compile custom rules when
    /// the rest is broken; a file it could not read is already one of the problems.
    /// </summary>
    private static RuleSet WorkflowsOnly(string dir, IReadOnlyList<WorkflowFile> files)
    {
        return new RuleSet
        {
            Directory = dir,
            Version = RuleSetLoader.Unversioned,
            Hash = "",
            Settings = new Settings(),
            Calendar = new Engine.Calendar.WorkingCalendar([], []),
            Items = new Dictionary<string, Item>(),
            Fees = new Dictionary<string, Fee>(),
            Stages = new StageCatalog([], new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>()),
            Units = new Dictionary<string, Unit>(),
            Workflows = files,
        };
    }

    private static Command Test(TextWriter stdout, TextWriter stderr)
    {
        var rules = RulesOption();
        var coverage = new Option<bool>("--coverage") { Description = "输出每条规则的覆盖情况（触发 / 未触发）" };
        var minCoverage = new Option<double?>("--min-coverage") { Description = "覆盖率低于该百分比时失败", HelpName = "P" };
        var command = new Command("test", "运行规则集 tests/ 中的规则测试") { rules, coverage, minCoverage };
        command.SetAction(parse =>
        {
            var dir = parse.GetRequiredValue(rules);
            if (RuleSetOrProblems.Load(dir, stderr) is not { } checker)
            {
                return ExitCode.NothingJudged;
            }
            var problems = new List<RuleSetProblem>();
            var tests = RuleTestReader.ReadFolder(dir, problems);
            if (problems.Count > 0)
            {
                foreach (var p in problems)
                {
                    stderr.WriteLine($"{p.File}:{p.Line}:{p.Column}: {p.Severity}: {p.Message}");
                }
                stderr.WriteLine($"规则测试文件有 {problems.Count} 个错误，未运行任何测试");
                return ExitCode.NothingJudged;
            }

            var report = RuleTestRunner.Run(checker, tests);
            foreach (var r in report.Results)
            {
                stdout.WriteLine($"{(r.Passed ? "PASS" : "FAIL")}  {r.Test.File}:{r.Test.Line}  {r.Test.Name}");
                foreach (var f in r.Failures)
                {
                    stdout.WriteLine($"      {f}");
                }
            }
            var min = parse.GetValue(minCoverage);
            if (parse.GetValue(coverage) || min is not null)
            {
                stdout.WriteLine();
                stdout.WriteLine("覆盖情况（触发 = 有测试使其产生问题；未触发 = 有测试判定过同类记录而它未产生问题）：");
                foreach (var c in report.Coverage)
                {
                    stdout.WriteLine($"  {(c.Fired ? "触发✓" : "触发✗")}  {(c.Silent ? "未触发✓" : "未触发✗")}  {c.Rule}");
                }
                stdout.WriteLine($"覆盖率 {report.CoveragePercent:0.0}%");
            }
            stdout.WriteLine($"{report.Passed} passed, {report.Failed} failed");
            if (report.Failed > 0)
            {
                return ExitCode.FailOnReached;
            }
            if (min is { } m && report.CoveragePercent < m)
            {
                stderr.WriteLine($"覆盖率 {report.CoveragePercent:0.0}% 低于要求的 {m:0.0}%");
                return ExitCode.FailOnReached;
            }
            return ExitCode.Completed;
        });
        return command;
    }

    private static Command Diff(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var baseRules = new Option<string>("--base") { Description = "改动前的规则集目录", HelpName = "dir", Required = true };
        var rules = RulesOption();
        var data = new Option<string>("--data") { Description = "数据目录", HelpName = "dir", Required = true };
        var asOf = CliDates.AsOfOption("基准日期，默认为北京时间今天");
        var examples = new Option<int>("--examples") { Description = "每个规则代码列出的示例数", DefaultValueFactory = _ => 3 };
        var command = new Command("diff", "预览规则改动：同一批数据在新旧规则集下出现、消失、改变级别或改变内容的问题") { baseRules, rules, data, asOf, examples };
        command.SetAction(parse =>
        {
            var date = parse.GetValue(asOf) ?? ShanghaiDate.Today(clock);
            if (RuleSetOrProblems.Load(parse.GetRequiredValue(baseRules), stderr) is not { } before
                || RuleSetOrProblems.Load(parse.GetRequiredValue(rules), stderr) is not { } after)
            {
                return ExitCode.NothingJudged;
            }
            var dataDir = parse.GetRequiredValue(data);
            if (!CliFolders.DataFolderExists(dataDir, stderr))
            {
                return ExitCode.NothingJudged;
            }
            // Stage aliases belong to each rule set, so each reads the data with its own.
            var oldFindings = before.Check(FeedReader.ReadFolder(dataDir, before.RuleSet.Stages), date).Findings;
            var newFindings = after.Check(FeedReader.ReadFolder(dataDir, after.RuleSet.Stages), date).Findings;
            var diff = FindingDiff.Compare(oldFindings, newFindings);

            stdout.WriteLine($"规则集 {before.RuleSet.Label} → {after.RuleSet.Label}，基准日期 {date:yyyy-MM-dd}");
            stdout.WriteLine($"问题：改动前 {oldFindings.Count} 条，改动后 {newFindings.Count} 条；新出现 {Count(diff, FindingChange.Appears)}，消失 {Count(diff, FindingChange.Disappears)}，级别改变 {Count(diff, FindingChange.SeverityChanged)}，内容改变 {Count(diff, FindingChange.ContentChanged)}");
            if (diff.Changes.Count == 0)
            {
                stdout.WriteLine("没有变化");
                return ExitCode.Completed;
            }
            stdout.WriteLine();
            stdout.WriteLine("按规则代码：");
            foreach (var (kind, rule, count) in diff.ByCode())
            {
                stdout.WriteLine($"  {Kind(kind)}  {rule}  {count}");
            }
            stdout.WriteLine("按单位：");
            foreach (var (kind, unit, count) in diff.ByUnit())
            {
                var name = after.RuleSet.Units.GetValueOrDefault(unit)?.Name;
                stdout.WriteLine($"  {Kind(kind)}  {(unit.Length == 0 ? "(无)" : unit)}{(name is null ? "" : " " + name)}  {count}");
            }
            stdout.WriteLine("示例：");
            var n = Math.Max(0, parse.GetValue(examples));
            foreach (var group in diff.Changes.GroupBy(c => (c.Kind, c.Any.Rule)))
            {
                foreach (var c in group.Take(n))
                {
                    var severity = c.Kind == FindingChange.SeverityChanged ? $"{c.Before!.Severity.ToChinese()}→{c.After!.Severity.ToChinese()}" : c.Any.Severity.ToChinese();
                    stdout.WriteLine($"  {Kind(c.Kind)}  {c.Any.Rule}  {c.Any.Subject}  {severity}  {c.Any.Message}");
                    if (c.Kind == FindingChange.ContentChanged)
                    {
                        stdout.WriteLine($"          改动前：{c.Before!.Message}");
                    }
                }
            }
            return ExitCode.Completed;
        });
        return command;
    }

    private static int Count(FindingDiff diff, string kind) => diff.Changes.Count(c => c.Kind == kind);

    private static string Kind(string kind) => kind switch
    {
        FindingChange.Appears => "新出现",
        FindingChange.Disappears => "消失  ",
        FindingChange.ContentChanged => "改内容",
        _ => "改级别",
    };
}
