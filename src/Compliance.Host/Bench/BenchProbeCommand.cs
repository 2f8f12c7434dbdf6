using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Host.Generation;
using Compliance.Rules.Evaluation;

namespace Compliance.Host.Bench;

/// <summary>
/// <c>compliance bench-probe floor|load|phases</c> (hidden): the pieces <c>bench</c> times in fresh processes — the
/// ingest floor of a data folder, a cold rule-set load and compile — and, to see where a check's time goes, one
/// check split into its phases (load, read, judge, findings, summary, console summary) with the garbage collector's share.
/// </summary>
internal static class BenchProbeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var mode = new Argument<string>("mode") { Description = "floor | load | phases" };
        mode.AcceptOnlyFromAmong("floor", "load", "phases");
        var path = new Argument<string>("dir") { Description = "data folder (floor, phases) or rules folder (load)" };
        var rules = new Option<string>("--rules") { DefaultValueFactory = _ => RulesCommand.DefaultRules };
        var command = new Command("bench-probe", "measure one piece for bench") { mode, path, rules };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var dir = parse.GetRequiredValue(path);
            var measured = parse.GetRequiredValue(mode);
            var rulesDir = measured == "load" ? dir : parse.GetRequiredValue(rules);
            // A folder that is not there would otherwise read as no rows at all, or end in a stack trace.
            if ((measured != "floor" && !CliFolders.RulesFolderExists(rulesDir, stderr))
                || (measured != "load" && !CliFolders.DataFolderExists(dir, stderr)))
            {
                return ExitCode.NothingJudged;
            }
            try
            {
                if (measured == "phases")
                {
                    Phases(dir, rulesDir, stdout);
                }
                else if (measured == "floor")
                {
                    var (rows, values, elapsed) = IngestFloor.Measure(dir);
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={rows} values={values} ms={elapsed.TotalMilliseconds:0}"));
                }
                else
                {
                    var watch = Stopwatch.StartNew();
                    var checker = Checker.Create(RuleSetLoader.Load(rulesDir));
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rules={checker.Rules.Count} ms={watch.Elapsed.TotalMilliseconds:0}"));
                }
            }
            catch (RuleSetException e)
            {
                RuleSetOrProblems.Print(e, stderr);
                return ExitCode.NothingJudged;
            }
            return ExitCode.Completed;
        });
        return command;
    }

    private static void Phases(string dataDir, string rulesDir, TextWriter stdout)
    {
        var watch = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var checker = Checker.Create(RuleSetLoader.Load(rulesDir));
        Mark("load");
        // As in a check: one region for the run, from reading to the end.
        using var gc = IngestGcRegion.StartRun(FeedReader.InputBytes(dataDir));
        var data = FeedReader.ReadFolder(dataDir, checker.RuleSet.Stages);
        gc.ReadDone();
        Mark("read");
        var result = checker.Check(data, SampleData.AsOf);
        Mark("judge");
        var outDir = Path.Combine(Path.GetTempPath(), "compliance-phases-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        try
        {
            FindingsWriter.WriteFile(Path.Combine(outDir, FindingsWriter.FileName), result.Findings);
            Mark("write");
            SummaryWriter.WriteFile(Path.Combine(outDir, SummaryWriter.FileName), SampleData.AsOf, checker.RuleSet, data, result, 0);
            Mark("summary");
            ConsoleSummary.Write(TextWriter.Null, SampleData.AsOf, checker.RuleSet, data, result, new OutputFiles(outDir));
            Mark("console");
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }

        void Mark(string phase)
        {
            process.Refresh();
            var used = process.TotalProcessorTime - cpu;
            cpu = process.TotalProcessorTime;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{phase,-6} {watch.Elapsed.TotalMilliseconds,7:0} ms  cpu {used.TotalMilliseconds,6:0} ms  gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms  allocated {GC.GetTotalAllocatedBytes() / 1048576} MiB  heap {GC.GetTotalMemory(false) / 1048576} MiB"));
            watch.Restart();
        }
    }
}
