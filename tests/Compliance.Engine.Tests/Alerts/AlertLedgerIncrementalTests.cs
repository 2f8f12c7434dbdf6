using Compliance.Engine.Alerts;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Storage;
using Compliance.Engine.Tests.Storage;

namespace Compliance.Engine.Tests.Alerts;

/// <summary>
/// The same runs recorded twice, once in full and once each as changes against the run before: the alerts, their
/// transitions and the outbox must come out identical, and each run's findings must resolve to the same rows.
/// </summary>
public sealed class AlertLedgerIncrementalTests : IDisposable
{
    private readonly TempLedger _fullTemp = new();
    private readonly TempLedger _incrementalTemp = new();
    private readonly AlertLedger _full;
    private readonly AlertLedger _incremental;

    public AlertLedgerIncrementalTests()
    {
        _full = new AlertLedger(_fullTemp.Store, new AlertRouting(Some.Units), Some.Plan());
        _incremental = new AlertLedger(_incrementalTemp.Store, new AlertRouting(Some.Units), Some.Plan());
    }

    public void Dispose()
    {
        _fullTemp.Dispose();
        _incrementalTemp.Dispose();
    }

    [Fact]
    public void RecordRun_FourDaysAsChanges_LedgerAsFullRunsLeaveIt()
    {
        var days = Days();
        RunOutcome? previous = null;
        IReadOnlyList<Finding> previousFindings = [];
        var outcomes = new List<RunOutcome>();
        for (var i = 0; i < days.Count; i++)
        {
            var now = Some.Monday.AddDays(i);
            if (i == 2)
            {
                // People act between runs; an unchanged finding must not undo what they did.
                foreach (var ledger in new[] { _full, _incremental })
                {
                    ledger.Apply(AlertId(ledger, "charge:C1"), AlertAction.Acknowledge, "城东分局", "已收到", now);
                    ledger.Apply(AlertId(ledger, "charge:C6"), AlertAction.Revoke, "监察室", "误报", now);
                }
            }
            _full.RecordRun(days[i], now);
            var run = previous is null ? days[i] : Some.Since(previous.RunId, previousFindings, days[i]);
            previous = _incremental.RecordRun(run, now);
            previousFindings = days[i].Findings;
            outcomes.Add(previous);
        }

        LedgerTables.AlertSide(_incrementalTemp.Store).Should().Equal(LedgerTables.AlertSide(_fullTemp.Store));
        outcomes.Select(o => o.BaseRunId).Should().Equal(null, 1L, 2L, 3L);
        outcomes.Select(o => o.Stored).Should().Equal(15, 5, 2, 0);
        using var full = _fullTemp.Store.CreateDb();
        using var incremental = _incrementalTemp.Store.CreateDb();
        for (var run = 1L; run <= days.Count; run++)
        {
            Rows(RunFindings.Of(incremental, run)).Should().Equal(Rows(RunFindings.Of(full, run)), "run #{0} resolves to the same findings", run);
            Rows(RunFindings.Of(full, run)).Should().HaveCount(days[(int)run - 1].Findings.Count);
        }
        incremental.Runs.Select(r => r.StoredFindings).Should().Equal(15, 5, 2, 0);
        incremental.Findings.Count().Should().Be(22);
        full.Findings.Count().Should().Be(15 + 14 + 15 + 15);
    }

    [Fact]
    public void RecordRun_FourDaysAsChanges_EachAlertLastSeenByTheLastRunThatFoundIt()
    {
        var days = Days();
        RunOutcome? previous = null;
        for (var i = 0; i < days.Count; i++)
        {
            _full.RecordRun(days[i], Some.Monday.AddDays(i));
            var run = previous is null ? days[i] : Some.Since(previous.RunId, days[i - 1].Findings, days[i]);
            previous = _incremental.RecordRun(run, Some.Monday.AddDays(i));
        }

        // C5 went unjudged on day 2 and was gone on day 3; C4 was corrected on day 2 and back on day 3.
        string[] expected =
        [
            "case:A 4 2025-11-06", "case:B 4 2025-11-06", "charge:C1 4 2025-11-06", "charge:C4 4 2025-11-06",
            "charge:C5 1 2025-11-03", "charge:C6 4 2025-11-06", .. Enumerable.Range(0, 10).Select(i => $"charge:K{i} 4 2025-11-06"),
        ];
        foreach (var ledger in new[] { _full, _incremental })
        {
            using var db = ledger.Store.CreateDb();
            db.Alerts.OrderBy(a => a.Subject).AsEnumerable()
                .Select(a => $"{a.Subject} {a.Sighting.LastSeenRunId} {a.Sighting.LastSeenAsOf:yyyy-MM-dd}")
                .Should().Equal(expected);
        }
    }

    [Fact]
    public void RecordRun_BaseIsNotTheLatestRun_StoredInFull()
    {
        var first = _incremental.RecordRun(Some.Run(Some.Finding()), Some.Monday);
        _incremental.RecordRun(Some.Run(Some.Finding(), Some.Finding(subject: "charge:C2")), Some.Monday.AddDays(1));

        var outcome = _incremental.RecordRun(Some.Since(first.RunId, [Some.Finding()], Some.Run(Some.Finding())), Some.Monday.AddDays(2));

        outcome.BaseRunId.Should().BeNull();
        outcome.Stored.Should().Be(1);
        outcome.Closed.Should().Be(1);
    }

    // Day 1: ten fees that never change, a case clock due soon (A), an open overdue clock (B), two fees (C4, C5).
    // Day 2: A climbs to overdue-promised, B's figures grow, C4 is corrected, C5's subject cannot be judged, C6 is new.
    // Day 3: B's case is decided (clock concluded), C4 is back, C5 is judged again and gone.
    // Day 4: nothing changes.
    private static List<RunRecord> Days()
    {
        var steady = Enumerable.Range(0, 10).Select(i => Some.Finding(subject: $"charge:K{i}", unit: "U01")).ToArray();
        Finding[] Steady(int day) => [.. steady.Select(f => f with { AsOf = Date(day) })];
        Finding C(int n, int day) => Some.Finding(subject: $"charge:C{n}", asOf: Date(day));
        Finding A(int day, string rule, Severity severity) => Some.Finding(rule, "case:A", severity: severity, open: true, asOf: Date(day));
        Finding B(int day, bool open, int used) => Some.Finding("case.overdue-statutory", "case:B", open: open, used: used, asOf: Date(day));
        var feeds = new[] { "cases", "charges", "stages" };

        var day2 = Some.Run(Date(2), feeds, [.. Steady(2), C(1, 2), A(2, "case.overdue-promised", Severity.Yellow), B(2, true, 26), C(6, 2)]);
        return
        [
            Some.Run(Date(1), feeds, [.. Steady(1), C(1, 1), A(1, "case.due-soon", Severity.Warning), B(1, true, 25), C(4, 1), C(5, 1)]),
            day2 with { Unjudged = new HashSet<string>(StringComparer.Ordinal) { "charge:C5" } },
            Some.Run(Date(3), feeds, [.. Steady(3), C(1, 3), A(3, "case.overdue-promised", Severity.Yellow), B(3, false, 27), C(4, 3), C(6, 3)]),
            Some.Run(Date(4), feeds, [.. Steady(4), C(1, 4), A(4, "case.overdue-promised", Severity.Yellow), B(4, false, 27), C(4, 4), C(6, 4)]),
        ];
    }

    private static DateOnly Date(int day) => new DateOnly(2025, 11, 2).AddDays(day);

    private static long AlertId(AlertLedger ledger, string subject)
    {
        using var db = ledger.Store.CreateDb();
        return db.Alerts.Single(a => a.Subject == subject).Id;
    }

    private static IEnumerable<string> Rows(IReadOnlyList<FindingRow> rows) =>
        rows.Select(f => $"{f.Rule}|{f.Severity}|{f.Subject}|{f.Unit}|{f.AsOf}|{f.OccurredOn}|{f.Message}|{f.Basis}|{f.EvidenceJson}|{f.RuleSet}|{f.Fingerprint}|{f.AlertKey}");
}
