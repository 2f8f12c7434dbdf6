using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Ingest;
using Compliance.Rules.Evaluation;

namespace Compliance.Host;

/// <summary>
/// One run of <c>compliance check</c>: load and compile the rules, read the feeds, judge, write the three files and
/// print the summary. Only a broken rule set or an unusable folder stops it (status 2); bad rows never do.
/// </summary>
internal static class CheckRun
{
    public static int Execute(CheckOptions options, TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var started = clock.GetTimestamp();
        if (!CliFolders.RulesFolderExists(options.RulesDirectory, stderr) || !CliFolders.DataFolderExists(options.DataDirectory, stderr))
        {
            return ExitCode.NothingJudged;
        }

        // A one-shot run keeps everything it reads until it exits: collecting along the way would only trace it.
        using var gc = IngestGcRegion.StartRun(InputBytes(options.DataDirectory));
        RuleSet ruleSet;
        Checker checker;
        FeedData data;
        try
        {
            // The rule set is loaded and compiled while the feeds are read: reading needs nothing of it but the stage
            // catalogue, and that only at the stages feed, which comes last.
            var loading = Task.Run(() => RuleSetLoader.Load(options.RulesDirectory));
            var compiling = loading.ContinueWith(t => Checker.Create(t.GetAwaiter().GetResult()), TaskScheduler.Default);
            FeedData? read = null;
            Exception? unreadable = null;
            try
            {
                read = FeedReader.ReadFolder(options.DataDirectory, () => loading.GetAwaiter().GetResult().Stages);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable = e;
            }
            // A broken or unreadable rule set is what is reported when both fail, as when the rules were loaded first.
            ruleSet = loading.GetAwaiter().GetResult();
            if (unreadable is not null)
            {
                stderr.WriteLine($"无法读取数据目录 {Path.GetFullPath(options.DataDirectory)}：{unreadable.Message}");
                return ExitCode.NothingJudged;
            }
            data = read!;
            gc.ReadDone();
            checker = compiling.GetAwaiter().GetResult();
        }
        catch (RuleSetException e)
        {
            RuleSetOrProblems.Print(e, stderr);
            return ExitCode.NothingJudged;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"无法读取规则目录 {Path.GetFullPath(options.RulesDirectory)}：{e.Message}");
            return ExitCode.NothingJudged;
        }

        CheckResult result;
        try
        {
            Baseline? baseline = null;
            if (options.Since is { } since)
            {
                baseline = PreviousRun.TryLoad(since, ruleSet, data, options.AsOf, out var why);
                stdout.WriteLine(baseline is null ? $"未能增量检查：{why}；改为完整检查" : why);
            }
            result = baseline is null ? checker.Check(data, options.AsOf) : checker.CheckSince(data, options.AsOf, baseline);
        }
        catch (RuleEvaluationException e)
        {
            // A rule that fails while it runs leaves the judgement incomplete: nothing is written, nothing passes silently.
            stderr.WriteLine($"规则运行出错，共 {e.Count} 处，本次检查未写出结果：");
            stderr.WriteLine(e.Message);
            return ExitCode.NothingJudged;
        }

        var files = new OutputFiles(Path.GetFullPath(options.OutDirectory));
        var partial = files.Partial;
        var console = new StringWriter { NewLine = stdout.NewLine };
        try
        {
            Directory.CreateDirectory(files.Directory);
            // The run's duration is taken when judging is done, before the output is written.
            var durationMs = (long)clock.GetElapsedTime(started).TotalMilliseconds;
            // The summaries need nothing of findings.jsonl: they are written, and the console's rendered, alongside
            // it. The console summary is printed only once every file is written and in place.
            Task.WhenAll(
                Task.Run(() => FindingsWriter.WriteFile(partial.Findings, result.Findings)),
                Task.Run(() =>
                {
                    RejectsWriter.WriteFile(partial.Rejects, data.Rejects);
                    SummaryWriter.WriteFile(partial.Summary, options.AsOf, ruleSet, data, result, durationMs);
                    ConsoleSummary.Write(console, options.AsOf, ruleSet, data, result, files);
                })).GetAwaiter().GetResult();
            files.Publish();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            files.DiscardPartial();
            stderr.WriteLine($"无法写入输出目录 {files.Directory}：{e.Message}");
            return ExitCode.NothingJudged;
        }

        stdout.Write(console.ToString());
        return StatusOf(options, data, result);
    }

    // An unreadable folder is reported by reading, with the words users see; here it only means no region.
    private static long InputBytes(string dataDirectory)
    {
        try
        {
            return FeedReader.InputBytes(dataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static int StatusOf(CheckOptions options, FeedData data, CheckResult result)
    {
        if (options.Strict && data.Rejects.Count > 0)
        {
            return ExitCode.StrictRejected;
        }
        if (options.FailOn is { } threshold && result.Findings.Any(f => f.Severity >= threshold))
        {
            return ExitCode.FailOnReached;
        }
        return ExitCode.Completed;
    }
}
