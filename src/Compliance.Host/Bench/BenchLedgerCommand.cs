using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;
using Compliance.Host.Serve;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Host.Bench;

/// <summary>
/// <c>compliance bench-ledger</c> (hidden): the host's daily run on a data folder, in this process, ledger writes
/// included. Each round starts an empty ledger whose <c>current/</c> folder links to the data (which is only
/// read), runs the first day in full, then the next day twice from the same ledger: incrementally, by the runner
/// that kept the first day in memory, and in full, by a fresh runner on a copy of the ledger (as after a restart).
/// Prints each round and the medians, with the phases of each run and the managed memory the first run leaves
/// kept (the feeds and findings held for the next run).
/// </summary>
internal static class BenchLedgerCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string>("--data") { Description = "data folder (read only)", HelpName = "dir", Required = true };
        var rules = new Option<string>("--rules") { DefaultValueFactory = _ => RulesCommand.DefaultRules, HelpName = "dir" };
        var asOf = new Option<string>("--as-of") { Description = "first day (YYYY-MM-DD); the next day is measured", DefaultValueFactory = _ => "2025-11-03" };
        var runs = new Option<int>("--runs") { Description = "rounds (medians are printed)", DefaultValueFactory = _ => 3 };
        var work = new Option<string?>("--work") { Description = "folder for the ledgers (default: a new one under the temp folder, removed after)", HelpName = "dir" };
        var command = new Command("bench-ledger", "measure the host's daily run, full vs incremental") { data, rules, asOf, runs, work };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            if (!DateOnly.TryParseExact(parse.GetRequiredValue(asOf), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                stderr.WriteLine("--as-of: expected YYYY-MM-DD");
                return ExitCode.NothingJudged;
            }
            var dataDir = Path.GetFullPath(parse.GetRequiredValue(data));
            var rulesDir = Path.GetFullPath(parse.GetRequiredValue(rules));
            // The host only logs a rule set it cannot load; here its problems are printed before any round starts.
            if (!CliFolders.DataFolderExists(dataDir, stderr) || RuleSetOrProblems.Load(rulesDir, stderr) is null)
            {
                return ExitCode.NothingJudged;
            }
            var ownWork = parse.GetValue(work) is null;
            var workDir = Path.GetFullPath(parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "compliance-bench-ledger-" + Guid.NewGuid().ToString("N")));
            var rounds = new List<Round>();
            try
            {
                for (var i = 1; i <= Math.Max(1, parse.GetValue(runs)); i++)
                {
                    var round = RunRound(Path.Combine(workDir, $"round{i}"), dataDir, rulesDir, day);
                    rounds.Add(round);
                    stdout.WriteLine($"round {i}:");
                    Print(stdout, round);
                }
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                if (ownWork && Directory.Exists(workDir))
                {
                    Directory.Delete(workDir, recursive: true);
                }
            }
            stdout.WriteLine();
            stdout.WriteLine($"median of {rounds.Count} rounds, {Environment.ProcessorCount} cores, in one process (ledger writes included):");
            Print(stdout, new Round(
                Median(rounds.Select(r => r.First)), Median(rounds.Select(r => r.Full)), Median(rounds.Select(r => r.Incremental)),
                Median(rounds.Select(r => r.KeptMiB))));
            return ExitCode.Completed;
        });
        return command;
    }

    private static Round RunRound(string roundDir, string dataDir, string rulesDir, DateOnly day)
    {
        var home = Path.Combine(roundDir, "kept");
        var restarted = Path.Combine(roundDir, "restarted");
        Link(home, dataDir);
        Link(restarted, dataDir);
        var clock = new SettableClock(SixInTheMorning(day));

        Measured first, incremental;
        double keptMiB;
        using (var services = Services(home, rulesDir, clock))
        {
            Ready(services);
            var before = Heap();
            first = Judge(services, day);
            keptMiB = (Heap() - before) / 1048576.0;
            // The ledger as the first day left it, for the run after a restart.
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { "ledger.db", "ledger.db-wal" }.Where(f => File.Exists(Path.Combine(home, f))))
            {
                File.Copy(Path.Combine(home, file), Path.Combine(restarted, file));
            }
            clock.Now = SixInTheMorning(day.AddDays(1));
            incremental = Judge(services, day.AddDays(1));
        }
        Measured full;
        using (var services = Services(restarted, rulesDir, clock))
        {
            Ready(services);
            full = Judge(services, day.AddDays(1));
        }
        SqliteConnection.ClearAllPools();
        return new Round(first, full, incremental, keptMiB);
    }

    // A serving host has its rule set loaded and its ledger open before a run starts.
    private static void Ready(ServiceProvider services)
    {
        services.GetRequiredService<RuleSetProvider>().Current();
        services.GetRequiredService<LedgerStore>();
    }

    private static Measured Judge(ServiceProvider services, DateOnly day)
    {
        var runner = services.GetRequiredService<LedgerRunner>();
        var watch = Stopwatch.StartNew();
        var outcome = runner.Judge("daily", CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("the data folder holds no feed");
        var total = watch.Elapsed.TotalMilliseconds;
        var note = runner.Last!;
        return new Measured(day, note.WhyFull is null ? "incremental" : "full", outcome.Findings, outcome.Stored,
            outcome.Opened + outcome.Reopened, outcome.Changed, outcome.Closed,
            note.CompareMs, note.ReadMs, note.JudgeMs, note.RecordMs, total);
    }

    private static ServiceProvider Services(string home, string rules, TimeProvider clock)
    {
        var configuration = LedgerConfiguration.Build(null, home, rules);
        return new ServiceCollection().AddLogging().AddLedger(configuration, clock).BuildServiceProvider();
    }

    // The data folder is only read: the home's current/ is a link to it, as the inbox would have filled it.
    private static void Link(string home, string dataDir)
    {
        Directory.CreateDirectory(home);
        Directory.CreateSymbolicLink(Path.Combine(home, "current"), dataDir);
    }

    private static DateTimeOffset SixInTheMorning(DateOnly day) => new(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.FromHours(8));

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Print(TextWriter stdout, Round round)
    {
        stdout.WriteLine("| run | as of | findings | finding rows stored | alerts opened/changed/closed | inputs compared | read | judged | recorded | total |");
        stdout.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        Row(stdout, "first day, empty ledger", round.First);
        Row(stdout, "next day, full (after a restart)", round.Full);
        Row(stdout, "next day, incremental", round.Incremental);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"incremental/full: {round.Incremental.TotalMs / round.Full.TotalMs:0.00}×; memory kept between runs: {round.KeptMiB:0} MiB"));
    }

    private static void Row(TextWriter stdout, string name, Measured m) => stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} ({m.Mode}) | {m.Day:yyyy-MM-dd} | {m.Findings:N0} | {m.Stored:N0} | {m.Opened:N0}/{m.Changed:N0}/{m.Closed:N0} | " +
        $"{m.CompareMs:N0} ms | {m.ReadMs:N0} ms | {m.JudgeMs:N0} ms | {m.RecordMs:N0} ms | {m.TotalMs / 1000:0.00} s |"));

    private static Measured Median(IEnumerable<Measured> runs)
    {
        var list = runs.ToList();
        var first = list[0];
        return first with
        {
            CompareMs = (long)Median(list.Select(r => (double)r.CompareMs)),
            ReadMs = (long)Median(list.Select(r => (double)r.ReadMs)),
            JudgeMs = (long)Median(list.Select(r => (double)r.JudgeMs)),
            RecordMs = (long)Median(list.Select(r => (double)r.RecordMs)),
            TotalMs = Median(list.Select(r => r.TotalMs)),
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Round(Measured First, Measured Full, Measured Incremental, double KeptMiB);

    private sealed record Measured(
        DateOnly Day, string Mode, int Findings, int Stored, int Opened, int Changed, int Closed,
        long CompareMs, long ReadMs, long JudgeMs, long RecordMs, double TotalMs);
}
