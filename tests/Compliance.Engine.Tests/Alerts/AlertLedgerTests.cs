using Compliance.Engine.Alerts;
using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog;
using Compliance.Engine.Storage;
using Compliance.Engine.Tests.Storage;

namespace Compliance.Engine.Tests.Alerts;

public sealed class AlertLedgerTests : IDisposable
{
    private readonly TempLedger _temp = new();
    private readonly AlertLedger _ledger;

    public AlertLedgerTests() => _ledger = new AlertLedger(_temp.Store, new AlertRouting(Some.Units), Some.Plan());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RecordRun_NewFinding_OpensOnePendingAlertWithANoticePerChannel()
    {
        var outcome = _ledger.RecordRun(Some.Run(Some.Finding(unit: "U01")), Some.Monday);

        outcome.Opened.Should().Be(1);
        using var db = _temp.Store.CreateDb();
        var alert = db.Alerts.Single();
        alert.State.Should().Be(AlertState.Pending);
        alert.Unit.Should().Be("U01");
        db.Deliveries.Select(d => d.Channel + " " + d.Address).Should().BeEquivalentTo("email u01@example.gov", "webhook http://127.0.0.1/u01");
        db.AlertEvents.Single().Action.Should().Be("created");
        db.Findings.Single().AlertKey.Should().Be(alert.Key);
    }

    [Fact]
    public void RecordRun_NewAlerts_ADeliveryPerRecipientAddressInIdOrder()
    {
        var ledger = new AlertLedger(_temp.Store, new AlertRouting(Some.Units), Some.Plan() with { FileDrop = true });

        ledger.RecordRun(Some.Run(
            Some.Finding(subject: "charge:C1", unit: "U01"),
            Some.Finding(subject: "charge:C2", unit: "U0101"),
            Some.Finding(subject: "charge:C3", unit: "U99")), Some.Monday);

        using var db = _temp.Store.CreateDb();
        db.Alerts.OrderBy(a => a.Id).Select(a => a.Id + " " + a.Subject).ToList()
            .Should().Equal("1 charge:C1", "2 charge:C2", "3 charge:C3");
        db.AlertEvents.OrderBy(e => e.Id).Select(e => e.Id + " " + e.AlertId + " " + e.Action + " " + e.RunId).ToList()
            .Should().Equal("1 1 created 1", "2 2 created 1", "3 3 created 1");
        var deliveries = db.Deliveries.OrderBy(d => d.Id).ToList();
        deliveries.Select(d => $"{d.Id} {d.AlertId} {d.Recipient} {d.Channel} {d.Address}").Should().Equal(
            "1 1 U01 email u01@example.gov",
            "2 1 U01 webhook http://127.0.0.1/u01",
            "3 1 U01 file U01",
            "4 2 U0101 email u0101@example.gov",
            "5 2 U0101 file U0101",
            "6 3 U00 email office@example.gov",
            "7 3 U00 file U00");
        deliveries.Select(d => AlertNotice.FromJson(d.NoticeJson)).Select(n => $"{n.AlertId} {n.Kind} {n.Revision} {n.State}").Should().Equal(
            "1 new 1 pending", "1 new 1 pending", "1 new 1 pending", "2 new 1 pending", "2 new 1 pending", "3 new 1 pending", "3 new 1 pending");
        deliveries.Should().OnlyContain(d => d.State == DeliveryChannels.Pending && d.CreatedAt == Some.Monday && d.NextAttemptAt == Some.Monday);
    }

    [Fact]
    public void RecordRun_UnitWithNoAddressOnAnyChannel_NoticeGoesToTheOfficeAndTheAlertIsSentWhenItAccepts()
    {
        var units = Some.Units.ToDictionary(u => u.Key, u => u.Key == "U0101" ? u.Value with { Email = "" } : u.Value);
        var ledger = new AlertLedger(_temp.Store, new AlertRouting(units), Some.Plan() with { Webhook = false });

        ledger.RecordRun(Some.Run(Some.Finding(unit: "U0101")), Some.Monday);
        MarkOnlyAlertSent();

        using var db = _temp.Store.CreateDb();
        db.Deliveries.Select(d => d.Recipient + " " + d.Channel + " " + d.Address).Should().Equal("U00 email office@example.gov");
        AlertNotice.FromJson(db.Deliveries.Single().NoticeJson).Unit.Should().Be("U0101");
        db.Alerts.Single().State.Should().Be(AlertState.Sent, "an alert nobody can be told about would wait as 待发 for ever");
    }

    [Fact]
    public void RecordRun_NewAlertsAmongChangedOnes_IdsInTheOrderRaised()
    {
        _ledger.RecordRun(Some.Run(Some.Finding("case.due-soon", "case:X", unit: "U01", severity: Severity.Warning, open: true)), Some.Monday);

        _ledger.RecordRun(Some.Run(
            Some.Finding(subject: "charge:B"),
            Some.Finding("case.overdue-promised", "case:X", unit: "U01", severity: Severity.Yellow, open: true),
            Some.Finding(subject: "charge:C")), Some.Monday.AddDays(1));

        using var db = _temp.Store.CreateDb();
        db.Alerts.OrderBy(a => a.Id).Select(a => a.Id + " " + a.Subject).ToList().Should().Equal("1 case:X", "2 charge:B", "3 charge:C");
        db.AlertEvents.OrderBy(e => e.Id).Select(e => e.Id + " " + e.AlertId + " " + e.Action).ToList()
            .Should().Equal("1 1 created", "2 2 created", "3 1 changed", "4 3 created");
        db.Deliveries.OrderBy(d => d.Id).ToList().Select(d => $"{d.Id} {d.AlertId} {d.Channel} {AlertNotice.FromJson(d.NoticeJson).Kind}").Should().Equal(
            "1 1 email new",
            "2 1 webhook new",
            "3 2 email new",
            "4 1 email changed",
            "5 1 webhook changed",
            "6 3 email new");
    }

    [Fact]
    public void RecordRun_CrashBeforeCommit_LedgerAsBefore()
    {
        var day1 = Some.Run(Some.Finding(subject: "charge:A"), Some.Finding("case.due-soon", "case:X", unit: "U00", severity: Severity.Warning, open: true));
        // The alerts of charge:B and charge:C are written before the change of case:X fails.
        var day2 = Some.Run(new DateOnly(2025, 11, 4), ["cases", "charges", "stages"],
            Some.Finding(subject: "charge:A"),
            Some.Finding(subject: "charge:B"),
            Some.Finding(subject: "charge:C", unit: "U01"),
            Some.Finding("case.overdue-promised", "case:X", unit: "U00", severity: Severity.Yellow, open: true));
        _ledger.RecordRun(day1, Some.Monday);
        var before = LedgerTables.AlertSide(_temp.Store);
        var crashing = new AlertLedger(_temp.Store, new AlertRouting(new UnitsFailingOn("U00")), Some.Plan());

        var act = () => crashing.RecordRun(day2, Some.Monday.AddDays(1));

        act.Should().Throw<IOException>();
        LedgerTables.AlertSide(_temp.Store).Should().Equal(before);
        using (var db = _temp.Store.CreateDb())
        {
            db.Runs.Count().Should().Be(1);
            db.Findings.Count().Should().Be(2);
        }
        // Run again, the day leaves the ids and rows it would have left had nothing failed.
        using var clean = new TempLedger();
        var cleanLedger = new AlertLedger(clean.Store, new AlertRouting(Some.Units), Some.Plan());
        cleanLedger.RecordRun(day1, Some.Monday);
        cleanLedger.RecordRun(day2, Some.Monday.AddDays(1));
        _ledger.RecordRun(day2, Some.Monday.AddDays(1)).Opened.Should().Be(2);
        LedgerTables.AlertSide(_temp.Store).Should().Equal(LedgerTables.AlertSide(clean.Store));
    }

    [Fact]
    public void RecordRun_SameBreachTenRuns_KeepsOneAlertAndNotifiesOnce()
    {
        for (var day = 0; day < 10; day++)
        {
            var asOf = new DateOnly(2025, 11, 3).AddDays(day);
            _ledger.RecordRun(Some.Run(asOf, ["charges"], Some.Finding(asOf: asOf)), Some.Monday.AddDays(day));
        }

        using var db = _temp.Store.CreateDb();
        db.Runs.Count().Should().Be(10);
        db.Findings.Count().Should().Be(10);
        var alert = db.Alerts.Single();
        alert.Sighting.LastSeenAsOf.Should().Be(new DateOnly(2025, 11, 12));
        alert.Sighting.LastSeenRunId.Should().Be(db.Runs.Max(r => r.Id));
        db.Deliveries.Count().Should().Be(1);
    }

    [Fact]
    public void RecordRun_CaseClockWorsens_OneAlertWhoseSeverityClimbs()
    {
        _ledger.RecordRun(Some.Run(Some.Finding("case.due-soon", "case:X", severity: Severity.Warning, open: true)), Some.Monday);
        _ledger.RecordRun(Some.Run(Some.Finding("case.overdue-promised", "case:X", severity: Severity.Yellow, open: true)), Some.Monday.AddDays(1));
        _ledger.RecordRun(Some.Run(Some.Finding("case.overdue-statutory", "case:X", severity: Severity.Red, open: true)), Some.Monday.AddDays(2));

        using var db = _temp.Store.CreateDb();
        var alert = db.Alerts.Single();
        alert.Key.Should().Be("case-clock|case:X");
        alert.Rule.Should().Be("case.overdue-statutory");
        alert.Severity.Should().Be(Severity.Red);
        alert.Revision.Should().Be(3);
        db.AlertEvents.Where(e => e.Action == "changed").Should().HaveCount(2);
        db.Deliveries.Select(d => d.NoticeJson).ToList().Select(AlertNotice.FromJson).Where(n => n.Kind == "changed")
            .Select(n => n.Severity).Distinct().Should().BeEquivalentTo("yellow", "red");
    }

    [Fact]
    public void RecordRun_BreachGoneFromCoveredFeed_AutoClosesWithTheRunAsReason()
    {
        _ledger.RecordRun(Some.Run(Some.Finding()), Some.Monday);

        var outcome = _ledger.RecordRun(Some.Run(), Some.Monday.AddDays(1));

        outcome.Closed.Should().Be(1);
        using var db = _temp.Store.CreateDb();
        db.Alerts.Single().State.Should().Be(AlertState.AutoClosed);
        var closing = db.AlertEvents.Single(e => e.Action == "auto-closed");
        closing.RunId.Should().Be(outcome.RunId);
        closing.Actor.Should().Be(AlertLedger.System);
        closing.Reason.Should().Contain($"#{outcome.RunId}");
    }

    [Fact]
    public void RecordRun_SubjectFeedNotRead_LeavesAlertOpen()
    {
        _ledger.RecordRun(Some.Run(Some.Finding()), Some.Monday);

        _ledger.RecordRun(Some.Run(new DateOnly(2025, 11, 4), ["cases"]), Some.Monday.AddDays(1));

        using var db = _temp.Store.CreateDb();
        db.Alerts.Single().State.Should().Be(AlertState.Pending);
    }

    [Fact]
    public void RecordRun_CaseDecidedAfterBreach_AutoClosesTheClock()
    {
        _ledger.RecordRun(Some.Run(Some.Finding("case.overdue-statutory", "case:X", open: true)), Some.Monday);

        _ledger.RecordRun(Some.Run(Some.Finding("case.overdue-statutory", "case:X", open: false)), Some.Monday.AddDays(1));
        _ledger.RecordRun(Some.Run(Some.Finding("case.overdue-statutory", "case:X", open: false)), Some.Monday.AddDays(2));

        using var db = _temp.Store.CreateDb();
        var alert = db.Alerts.Single();
        alert.State.Should().Be(AlertState.AutoClosed);
        db.AlertEvents.Single(e => e.Action == "auto-closed").Reason.Should().Contain("办件已办结");
    }

    [Fact]
    public void RecordRun_AutoClosedBreachFoundAgain_ReopensTheSameAlert()
    {
        _ledger.RecordRun(Some.Run(Some.Finding()), Some.Monday);
        _ledger.RecordRun(Some.Run(), Some.Monday.AddDays(1));

        var outcome = _ledger.RecordRun(Some.Run(Some.Finding()), Some.Monday.AddDays(2));

        outcome.Reopened.Should().Be(1);
        using var db = _temp.Store.CreateDb();
        db.Alerts.Single().State.Should().Be(AlertState.Pending);
        db.Alerts.Single().Revision.Should().Be(2);
    }

    [Fact]
    public void RecordRun_ClosedByOfficeAndFoundAgain_StaysClosed()
    {
        _ledger.RecordRun(Some.Run(Some.Finding()), Some.Monday);
        var id = IdOfOnlyAlert();
        _ledger.Apply(id, AlertAction.Close, "张三", "已核实整改", Some.Monday).Done.Should().BeTrue();

        _ledger.RecordRun(Some.Run(Some.Finding()), Some.Monday.AddDays(1));

        using var db = _temp.Store.CreateDb();
        db.Alerts.Single().State.Should().Be(AlertState.Closed);
    }

    [Fact]
    public void Apply_AppealUpheldThenRectifiedThenClosed_RecordsWhoWhenWhy()
    {
        _ledger.RecordRun(Some.Run(Some.Finding()), Some.Monday);
        var id = IdOfOnlyAlert();
        MarkOnlyAlertSent();

        _ledger.Apply(id, AlertAction.Appeal, "城东分局李四", "收费有文件依据", Some.Monday.AddHours(1)).State.Should().Be(AlertState.Appealed);
        _ledger.Apply(id, AlertAction.Uphold, "监察室王五", "依据已废止", Some.Monday.AddHours(2)).State.Should().Be(AlertState.Upheld);
        _ledger.Apply(id, AlertAction.Rectify, "城东分局李四", "已退费", Some.Monday.AddHours(3)).State.Should().Be(AlertState.Rectified);
        _ledger.Apply(id, AlertAction.Close, "监察室王五", "退费凭证已核实", Some.Monday.AddHours(4)).State.Should().Be(AlertState.Closed);

        using var db = _temp.Store.CreateDb();
        db.AlertEvents.Where(e => e.AlertId == id).OrderBy(e => e.Id).Select(e => e.Action + "|" + e.Actor + "|" + e.ToState + "|" + e.Reason)
            .ToList().Skip(2).Should().Equal(
                "appeal|城东分局李四|appealed|收费有文件依据",
                "uphold|监察室王五|upheld|依据已废止",
                "rectify|城东分局李四|rectified|已退费",
                "close|监察室王五|closed|退费凭证已核实");
        db.Alerts.Single().ClosedAt.Should().Be(Some.Monday.AddHours(4));
    }

    [Fact]
    public void Apply_ActionNotAllowedInState_RefusedWithReasonAndNothingRecorded()
    {
        _ledger.RecordRun(Some.Run(Some.Finding()), Some.Monday);
        var id = IdOfOnlyAlert();
        _ledger.Apply(id, AlertAction.Revoke, "监察室", "误报", Some.Monday);

        var result = _ledger.Apply(id, AlertAction.Acknowledge, "城东分局", "", Some.Monday);

        result.Done.Should().BeFalse();
        result.Message.Should().Contain("已撤销");
        using var db = _temp.Store.CreateDb();
        db.AlertEvents.Count(e => e.Action == "acknowledge").Should().Be(0);
    }

    [Fact]
    public void Apply_RevokeBeforeSending_CancelsTheUnsentNotices()
    {
        _ledger.RecordRun(Some.Run(Some.Finding()), Some.Monday);

        _ledger.Apply(IdOfOnlyAlert(), AlertAction.Revoke, "监察室", "误报", Some.Monday);

        using var db = _temp.Store.CreateDb();
        db.Deliveries.Select(d => d.State).Should().OnlyContain(s => s == DeliveryChannels.Cancelled);
    }

    [Fact]
    public void Escalate_UnacknowledgedAlert_ClimbsTheLadderOnceEachToParentAndOffice()
    {
        var calendar = new WorkingCalendarBuilder().Year2025();
        var policy = new EscalationPolicy { AcknowledgeDays = 2, WarnDays = 1, RedAfterDays = 2 };
        _ledger.RecordRun(Some.Run(Some.Finding(unit: "U0101")), Some.Monday);
        MarkOnlyAlertSent();

        // Sent Monday 2025-11-03; working days after it: Tue 1, Wed 2, Thu 3, Fri 4, (weekend), Mon 5.
        var levels = new List<int>();
        for (var day = 0; day <= 7; day++)
        {
            var now = Some.Monday.AddDays(day);
            _ledger.Escalate(now, ShanghaiDay.Of(now), calendar, policy);
            using var db = _temp.Store.CreateDb();
            levels.Add(db.Alerts.Single().FollowUpLevel);
        }

        levels.Should().Equal(0, 1, 1, 2, 2, 2, 2, 3);
        using var read = _temp.Store.CreateDb();
        var followUps = read.Deliveries.Where(d => d.Kind == DeliveryChannels.FollowUp).ToList();
        followUps.Where(d => AlertNotice.FromJson(d.NoticeJson).FollowUpSeverity == "warning").Select(d => d.Recipient).Distinct()
            .Should().Equal("U0101");
        followUps.Where(d => AlertNotice.FromJson(d.NoticeJson).FollowUpSeverity == "red").Select(d => d.Recipient).Distinct()
            .Should().BeEquivalentTo("U0101", "U01", "U00");
    }

    [Fact]
    public void Escalate_Acknowledged_CountsRectificationFromTheAcknowledgement()
    {
        var calendar = new WorkingCalendarBuilder().Year2025();
        var policy = new EscalationPolicy { AcknowledgeDays = 1, RectifyDays = 5, WarnDays = 1, RedAfterDays = 2 };
        _ledger.RecordRun(Some.Run(Some.Finding()), Some.Monday);
        MarkOnlyAlertSent();
        _ledger.Apply(IdOfOnlyAlert(), AlertAction.Acknowledge, "城东分局", "", Some.Monday.AddDays(1));

        _ledger.Escalate(Some.Monday.AddDays(3), new DateOnly(2025, 11, 6), calendar, policy).Raised.Should().Be(0);
        _ledger.Escalate(Some.Monday.AddDays(7), new DateOnly(2025, 11, 10), calendar, policy).Raised.Should().Be(1);

        using var db = _temp.Store.CreateDb();
        var notice = AlertNotice.FromJson(db.Deliveries.First(d => d.Kind == DeliveryChannels.FollowUp).NoticeJson);
        notice.FollowUpOf.Should().Be("rectification");
        notice.FollowUpUsed.Should().Be(4);
    }

    [Fact]
    public void Escalate_FollowUpClockReachesAYearNoCalendarCovers_NotRaisedUntilTheCalendarIsThere()
    {
        var policy = new EscalationPolicy { AcknowledgeDays = 2, WarnDays = 0, RedAfterDays = 5 };
        // Sent Tuesday 2025-12-30, 09:00 in Beijing.
        var sent = new DateTimeOffset(2025, 12, 30, 1, 0, 0, TimeSpan.Zero);
        _ledger.RecordRun(Some.Run(Some.Finding()), sent);
        var outbox = new Outbox(_temp.Store, new AlertRouting(Some.Units), Some.Plan());
        outbox.Batch(sent, flushDigests: true);
        foreach (var batch in outbox.Due(sent))
        {
            outbox.MarkSent(batch.Key, sent);
        }
        var friday = new DateTimeOffset(2026, 1, 2, 1, 0, 0, TimeSpan.Zero);

        // Counted as a plain weekday, 2026-01-01 (元旦) would make Friday the third working day and the alert 黄牌 a day early.
        var uncovered = _ledger.Escalate(friday, ShanghaiDay.Of(friday), new WorkingCalendarBuilder().Year2025(), policy);

        uncovered.Raised.Should().Be(0);
        uncovered.UncoveredYears.Should().Equal(2026);
        using (var db = _temp.Store.CreateDb())
        {
            db.Alerts.Single().FollowUpLevel.Should().Be(0);
            db.Deliveries.Count(d => d.Kind == DeliveryChannels.FollowUp).Should().Be(0);
        }
        var covered = new WorkingCalendar([2025, 2026], [new CalendarDay(new DateOnly(2026, 1, 1), "元旦", IsOffDay: true)]);
        var outcome = _ledger.Escalate(friday, ShanghaiDay.Of(friday), covered, policy);
        outcome.UncoveredYears.Should().BeEmpty();
        LevelOfOnlyAlert().Should().Be((int)Severity.Warning, "Dec 31 and Jan 2 are two working days: the limit is reached, not passed");
        var monday = friday.AddDays(3);
        _ledger.Escalate(monday, ShanghaiDay.Of(monday), covered, policy).Raised.Should().Be(1);
        LevelOfOnlyAlert().Should().Be((int)Severity.Yellow);
    }

    // The unit tree of the tests, but a lookup of one unit fails as a lost disk would.
    private sealed class UnitsFailingOn(string code) : IReadOnlyDictionary<string, Unit>
    {
        public Unit this[string key] => TryGetValue(key, out var unit) ? unit : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => Some.Units.Keys;
        public IEnumerable<Unit> Values => Some.Units.Values;
        public int Count => Some.Units.Count;
        public bool ContainsKey(string key) => TryGetValue(key, out _);
        public IEnumerator<KeyValuePair<string, Unit>> GetEnumerator() => Some.Units.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Unit value) =>
            key == code ? throw new IOException($"disk I/O error reading unit {key}") : Some.Units.TryGetValue(key, out value);
    }

    private int LevelOfOnlyAlert()
    {
        using var db = _temp.Store.CreateDb();
        return db.Alerts.Single().FollowUpLevel;
    }

    private long IdOfOnlyAlert()
    {
        using var db = _temp.Store.CreateDb();
        return db.Alerts.Single().Id;
    }

    private void MarkOnlyAlertSent()
    {
        var outbox = new Outbox(_temp.Store, new AlertRouting(Some.Units), Some.Plan());
        outbox.Batch(Some.Monday, flushDigests: true);
        foreach (var batch in outbox.Due(Some.Monday))
        {
            outbox.MarkSent(batch.Key, Some.Monday);
        }
    }
}
