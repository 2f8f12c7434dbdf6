using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;
using Compliance.Engine.Tests.Storage;
using Compliance.Host.Serve;
using Microsoft.Extensions.Time.Testing;

namespace Compliance.Host.Tests.Serve;

/// <summary>
/// The host's daily runs on the samples: a run on unchanged inputs starts from the previous one kept in memory and
/// stores only what changed; anything else (new inputs, another rule set, a restart) makes a full run.
/// </summary>
public sealed class IncrementalRunTests : IDisposable
{
    // Monday 2025-11-03, 06:00 in Beijing.
    private static readonly DateTimeOffset Monday = new(2025, 11, 2, 22, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Monday);
    private readonly LedgerWorld _world;

    public IncrementalRunTests()
    {
        _world = new LedgerWorld(_clock);
        _world.PutCurrent(Samples());
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public void Judge_NextDaySameInputs_IncrementalStoringOnlyChangesWithTheLedgerOfTwoFullRuns()
    {
        var fullClock = new FakeTimeProvider(Monday);
        using var full = new LedgerWorld(fullClock, settings: new Dictionary<string, string?> { ["Ledger:Incremental"] = "false" });
        full.PutCurrent(Samples());

        var first = Daily(_world);
        Daily(full);
        _clock.Advance(TimeSpan.FromDays(1));
        fullClock.Advance(TimeSpan.FromDays(1));
        var second = Daily(_world);
        var fullSecond = Daily(full);

        _world.Get<LedgerRunner>().Last.Should().Match<RunNote>(n => n.Incremental && n.StoredAsChanges && n.ReadMs == 0);
        full.Get<LedgerRunner>().Last!.WhyFull.Should().Contain("Ledger:Incremental");
        second.BaseRunId.Should().Be(first.RunId);
        fullSecond.BaseRunId.Should().BeNull();
        second.Findings.Should().Be(fullSecond.Findings);
        second.Stored.Should().BeGreaterThan(0, "open clocks' figures grow by a day").And.BeLessThan(second.Findings / 2);
        var store = _world.Get<LedgerStore>();
        var fullStore = full.Get<LedgerStore>();
        LedgerTables.AlertSide(store).Should().Equal(LedgerTables.AlertSide(fullStore));
        using (var db = store.CreateDb())
        using (var fullDb = fullStore.CreateDb())
        {
            db.Findings.Count(f => f.RunId == second.RunId).Should().Be(second.Stored);
            WithoutDuration(db.Runs.Single(r => r.Id == second.RunId).SummaryJson)
                .Should().Be(WithoutDuration(fullDb.Runs.Single(r => r.Id == fullSecond.RunId).SummaryJson));
            Rows(RunFindings.Of(db, second.RunId)).Should().Equal(Rows(fullDb.Findings.Where(f => f.RunId == fullSecond.RunId).OrderBy(f => f.Id).ToList()));
        }
        var changedAlert = AlertOfStoredRow(store, second.RunId);
        var unchangedAlert = AlertOfStoredRowNotIn(store, first.RunId, second.RunId);
        foreach (var id in new[] { changedAlert, unchangedAlert })
        {
            Cli.Run("alerts", "show", id.ToString(CultureInfo.InvariantCulture), "--home", _world.Home, "--rules", _world.Rules).ShouldExit(ExitCode.Completed).Stdout
                .Should().Be(Cli.Run("alerts", "show", id.ToString(CultureInfo.InvariantCulture), "--home", full.Home, "--rules", full.Rules).Stdout);
        }
    }

    [Fact]
    public void RunsShow_IncrementalRun_SaysItsBaseAndHowManyRowsItStored()
    {
        var first = Daily(_world);
        _clock.Advance(TimeSpan.FromDays(1));
        var second = Daily(_world);

        string Show(long run) => Cli.Run("runs", "show", run.ToString(CultureInfo.InvariantCulture), "--home", _world.Home, "--rules", _world.Rules)
            .ShouldExit(ExitCode.Completed).Stdout;
        Show(first.RunId).Should().Contain("（全量）");
        Show(second.RunId).Should().Contain($"（增量：相对复核 #{first.RunId} 变化 {second.Stored} 条）");
        Cli.Run("runs", "list", "--home", _world.Home, "--rules", _world.Rules).Stdout.Should().Contain($"增量：相对复核 #{first.RunId}");
    }

    [Fact]
    public void Judge_InputFileChanged_FullRunSayingWhich()
    {
        Daily(_world);
        _clock.Advance(TimeSpan.FromDays(1));
        File.AppendAllText(Path.Combine(_world.Home, "current", "charges.csv"), "JK-X-0001,,F99,测试费,100.00,2025-11-03,U0101,\n", new UTF8Encoding(false));

        var second = Daily(_world);

        second.BaseRunId.Should().BeNull();
        _world.Get<LedgerRunner>().Last!.WhyFull.Should().Be("the input files changed (charges.csv)");
        Daily(_world).BaseRunId.Should().Be(second.RunId, "the next run on the same files starts from this one");
    }

    [Fact]
    public void Judge_AnotherProcessRecordedARun_FullRun()
    {
        Daily(_world);
        Cli.Run("ingest", _world.Export("charges-extra.csv", LedgerWorld.UnknownFeeCharges(2)), "--home", _world.Home, "--rules", _world.Rules)
            .ShouldExit(ExitCode.Completed);
        _clock.Advance(TimeSpan.FromDays(1));

        var third = Daily(_world);

        third.BaseRunId.Should().BeNull();
        _world.Get<LedgerRunner>().Last!.WhyFull.Should().Be("the ledger recorded run #2 after run #1 (another process?)");
    }

    [Fact]
    public void Judge_AfterRestart_FullRunThenIncrementalAgain()
    {
        Daily(_world);
        _world.Restart();
        _clock.Advance(TimeSpan.FromDays(1));

        var afterRestart = Daily(_world);
        _world.Get<LedgerRunner>().Last!.WhyFull.Should().StartWith("no previous run in memory");
        _clock.Advance(TimeSpan.FromDays(1));
        var next = Daily(_world);

        afterRestart.BaseRunId.Should().BeNull();
        next.BaseRunId.Should().Be(afterRestart.RunId);
    }

    [Fact]
    public void Judge_RuleSetChanged_FullRun()
    {
        Daily(_world);
        var units = Path.Combine(_world.Rules, "units.json");
        File.WriteAllText(units, File.ReadAllText(units).Replace("城东区市场监督管理局", "城东区市场监管局", StringComparison.Ordinal), new UTF8Encoding(false));
        _clock.Advance(TimeSpan.FromDays(1));

        var second = Daily(_world);

        second.BaseRunId.Should().BeNull();
        _world.Get<LedgerRunner>().Last!.WhyFull.Should().StartWith("the rule set changed");
    }

    private static RunOutcome Daily(LedgerWorld world)
    {
        world.Get<RuleSetProvider>().Refresh();
        return world.Get<LedgerRunner>().Judge("daily", CancellationToken.None).GetAwaiter().GetResult()!;
    }

    private static string WithoutDuration(string summaryJson) => Regex.Replace(summaryJson, "\"durationMs\": \\d+", "");

    private static string[] Samples() => Directory.GetFiles(Repository.Samples, "*.csv");

    private static long AlertOfStoredRow(LedgerStore store, long runId)
    {
        using var db = store.CreateDb();
        var key = db.Findings.Where(f => f.RunId == runId && !f.Gone).OrderBy(f => f.Id).Select(f => f.AlertKey).First();
        return db.Alerts.Single(a => a.Key == key).Id;
    }

    private static long AlertOfStoredRowNotIn(LedgerStore store, long storedIn, long notIn)
    {
        using var db = store.CreateDb();
        var changed = db.Findings.Where(f => f.RunId == notIn).Select(f => f.AlertKey).ToHashSet();
        var key = db.Findings.Where(f => f.RunId == storedIn).OrderBy(f => f.Id).Select(f => f.AlertKey).AsEnumerable().First(k => !changed.Contains(k));
        return db.Alerts.Single(a => a.Key == key).Id;
    }

    private static IEnumerable<string> Rows(IReadOnlyList<FindingRow> rows) =>
        rows.Select(f => $"{f.Rule}|{f.Severity}|{f.Subject}|{f.Unit}|{f.AsOf}|{f.OccurredOn}|{f.Message}|{f.Basis}|{f.EvidenceJson}|{f.RuleSet}|{f.Fingerprint}|{f.AlertKey}");
}
