using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Compliance.Engine.Catalog;
using Compliance.Host.Generation;

namespace Compliance.Host.Bench;

/// <summary>
/// <c>compliance bench</c>: generates a realistic data set of a given size (or reuses it), then times, each in a
/// fresh process, the ingest floor and a full <c>check</c> (read, judge, write), and a cold rule-set load;
/// prints medians: rows/s, the check/floor ratio and peak resident memory.
/// </summary>
internal static partial class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var cases = new Option<int>("--cases") { Description = "办件数（总行数约为其 3.15 倍）", DefaultValueFactory = _ => 1_000_000 };
        var rules = new Option<string>("--rules") { Description = "规则集目录", HelpName = "dir", DefaultValueFactory = _ => RulesCommand.DefaultRules };
        var dir = new Option<string?>("--dir") { Description = "数据目录（默认 out/bench-<cases>，已生成则复用）", HelpName = "dir" };
        var runs = new Option<int>("--runs") { Description = "重复次数（取中位数）", DefaultValueFactory = _ => 3 };
        var shuffle = new Option<bool>("--shuffle") { Description = "收费记录按固定种子打乱顺序（默认按办件顺序排列），模拟不按办件排序的导出" };
        var command = new Command("bench", "性能基准：生成数据，测量读取下限与完整检查的耗时、吞吐和内存峰值") { cases, rules, dir, runs, shuffle };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(cases);
            var rulesDir = parse.GetRequiredValue(rules);
            var shuffled = parse.GetValue(shuffle);
            var dataDir = Path.GetFullPath(parse.GetValue(dir) ?? Path.Combine("out", shuffled ? $"bench-{n}-shuffled" : $"bench-{n}"));
            var repeat = Math.Max(1, parse.GetValue(runs));
            if (RuleSetOrProblems.Load(rulesDir, stderr) is not { } checker)
            {
                return ExitCode.NothingJudged;
            }
            var ruleSet = checker.RuleSet;

            var marker = Path.Combine(dataDir, "bench.marker");
            var wanted = $"{n}|{GeneratorOptions.DefaultSeed}|{ruleSet.Label}" + (shuffled ? "|charges shuffled" : "");
            // A folder of other files (an office's own exports, given to --dir) is never overwritten with a generated set.
            if (!File.Exists(marker) && Directory.Exists(dataDir) && Directory.EnumerateFileSystemEntries(dataDir).Any())
            {
                stderr.WriteLine($"目录 {dataDir} 中已有文件，但不是基准测试生成的数据目录（没有 bench.marker），不会覆盖；请用 --dir 指定空目录或基准测试生成过的目录。");
                return ExitCode.NothingJudged;
            }
            if (!File.Exists(marker) || File.ReadAllText(marker) != wanted)
            {
                stdout.WriteLine($"generating {n} cases into {dataDir} …");
                var summary = DataGenerator.Generate(new GeneratorOptions { RuleSet = ruleSet, OutputDirectory = dataDir, AsOf = SampleData.AsOf, Cases = n });
                if (shuffled)
                {
                    RecordShuffle.Apply(Path.Combine(dataDir, FeedLayout.FileName(FeedLayout.Charges)), GeneratorOptions.DefaultSeed);
                }
                File.WriteAllText(marker, wanted);
                stdout.WriteLine($"generated {summary.DataRows.Values.Sum()} rows" + (shuffled ? ", charges in a shuffled order" : ""));
            }
            var bytes = Directory.GetFiles(dataDir, "*.csv").Sum(f => new FileInfo(f).Length);
            var outDir = Path.Combine(dataDir, "out");
            var floors = new List<ChildRun>();
            var checks = new List<ChildRun>();
            var loads = new List<ChildRun>();
            long rows = 0;
            for (var i = 0; i < repeat; i++)
            {
                // The floor runs with the workstation collector, which starts a little faster than the server one
                // the program uses: a floor made slower by a setting that serves only the check would flatter the ratio.
                var floor = ChildRun.Start(["bench-probe", "floor", dataDir], new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });
                var check = ChildRun.Start(["check", "--rules", rulesDir, "--data", dataDir, "--as-of", "2025-11-03", "--out", outDir]);
                var load = ChildRun.Start(["bench-probe", "load", rulesDir]);
                if (floor.ExitCode != 0 || check.ExitCode is not (0 or 1) || load.ExitCode != 0)
                {
                    stderr.WriteLine($"a measured run failed: floor {floor.ExitCode}, check {check.ExitCode}, load {load.ExitCode}{Environment.NewLine}{check.Stderr}{floor.Stderr}{load.Stderr}");
                    return ExitCode.NothingJudged;
                }
                rows = long.Parse(Field().Match(floor.Stdout).Groups["rows"].Value, CultureInfo.InvariantCulture);
                floors.Add(floor);
                checks.Add(check);
                loads.Add(load);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {i + 1}: floor {floor.Elapsed.TotalSeconds:0.00} s{CpuText(floor)}, check {check.Elapsed.TotalSeconds:0.00} s{CpuText(check)} ({check.PeakRssBytes / 1048576.0:0} MiB peak), rule-set load+compile {LoadMs(load)} ms in a cold process"));
            }

            var floorS = Median(floors.Select(r => r.Elapsed.TotalSeconds));
            var checkS = Median(checks.Select(r => r.Elapsed.TotalSeconds));
            var peak = Median(checks.Select(r => r.PeakRssBytes / 1048576.0));
            var loadMs = Median(loads.Select(r => (double)LoadMs(r)));
            stdout.WriteLine();
            stdout.WriteLine(BuildForm.Describe(AppContext.BaseDirectory));
            stdout.WriteLine(shuffled ? "data: charges in a shuffled order" : "data: charges in their cases' order");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {repeat} runs, {Environment.ProcessorCount} cores, each step in a fresh process (process start included):"));
            stdout.WriteLine("| data | rows | input | ingest floor | check (read+judge+write) | rows/s | check/floor | peak RSS (check) | rule-set load+compile |");
            stdout.WriteLine("|---|---|---|---|---|---|---|---|---|");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {n:N0} cases | {rows:N0} | {bytes / 1048576.0:0} MiB | {floorS:0.00} s | {checkS:0.00} s | {rows / checkS:N0} | {checkS / floorS:0.00}× | {peak:0} MiB | {loadMs:0} ms |"));
            // Processor time beside wall time: where another process takes a core away, the two part ways.
            if (floors.TrueForAll(r => r.Cpu is not null) && checks.TrueForAll(r => r.Cpu is not null))
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"processor time (user+system, medians): floor {Median(floors.Select(r => r.Cpu!.Value.TotalSeconds)):0.00} s, check {Median(checks.Select(r => r.Cpu!.Value.TotalSeconds)):0.00} s"));
            }
            return ExitCode.Completed;
        });
        return command;
    }

    private static string CpuText(ChildRun run) =>
        run.Cpu is { } cpu ? string.Create(CultureInfo.InvariantCulture, $" ({cpu.TotalSeconds:0.00} CPU-s)") : "";

    private static int LoadMs(ChildRun load) => int.Parse(Field().Match(load.Stdout).Groups["ms"].Value, CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"(rows=(?<rows>\d+))?.*ms=(?<ms>\d+)")]
    private static partial Regex Field();
}
