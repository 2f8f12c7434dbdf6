using System.Globalization;
using Compliance.Engine.Calendar;
using Compliance.Engine.Catalog;
using Compliance.Engine.Findings;
using Compliance.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Newtonsoft.Json;

namespace Compliance.Engine.Alerts;

/// <summary>
/// The 挂账 ledger: records runs, keeps one alert per breach, moves alerts through their states with who, when and
/// why, and raises the notices the outbox delivers. Every change happens in one transaction, so a crash leaves
/// the ledger as it was before the change or as it is after it, never in between.
/// </summary>
public sealed class AlertLedger(LedgerStore store, AlertRouting routing, DeliveryPlan plan)
{
    public const string System = "system";

    public LedgerStore Store => store;

    /// <summary>
    /// Stores a run that failed, and tells the office once per distinct failure: the first failure with this rule set
    /// on these input files queues one message per office channel, keyed by rule set and inputs, in the same
    /// transaction as the run; a later failure of the same kind (a retry, the next day's run, a restarted host) is
    /// stored but raises nothing. A crash before the commit leaves neither, one after it both. No alert moves.
    /// </summary>
    public FailedRunOutcome RecordFailure(RunFailure failure, DateTimeOffset now)
    {
        using var db = store.CreateDb();
        using var tx = db.Database.BeginTransaction();
        var inputsHash = failure.InputsHash;
        var repeated = db.Runs.Any(r => r.State == RunState.Failed && r.RuleSetVersion == failure.RuleSetVersion
            && r.RuleSetHash == failure.RuleSetHash && r.InputsHash == inputsHash);
        var row = new RunRow
        {
            Trigger = failure.Trigger,
            StartedAt = failure.StartedAt,
            AsOf = failure.AsOf,
            RuleSetVersion = failure.RuleSetVersion,
            RuleSetHash = failure.RuleSetHash,
            Feeds = string.Join(",", SummaryWriter.Feeds.Where(f => failure.Inputs.Any(i => i.Feed == f))),
            DurationMs = failure.DurationMs,
            SummaryJson = "",
            State = RunState.Failed,
            Error = failure.Error,
            InputsHash = inputsHash,
        };
        db.Runs.Add(row);
        db.SaveChanges();
        db.RunInputs.AddRange(failure.Inputs.Select(f => new RunInputRow { RunId = row.Id, Feed = f.Feed, Name = f.Name, Sha256 = f.Sha256, Encoding = f.Encoding }));

        var office = routing.OfficeFor("");
        List<string> keys = [];
        if (!repeated && office is not null)
        {
            var asOf = failure.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var notice = new AlertNotice
            {
                AlertId = 0,
                Key = $"run:{row.Id}",
                Kind = DeliveryChannels.RunFailed,
                Revision = 0,
                Rule = "",
                Severity = "",
                Subject = $"run:{row.Id}",
                Unit = office.Code,
                UnitName = office.Name,
                Message = $"复核 #{row.Id} 失败，未产生任何问题记录：{failure.Error}",
                Basis = "",
                Evidence = "{}",
                OccurredOn = asOf,
                AsOf = asOf,
                State = RunState.Failed,
                RunFailed = new RunFailureNotice
                {
                    RunId = row.Id,
                    Trigger = failure.Trigger,
                    StartedAt = failure.StartedAt,
                    AsOf = asOf,
                    RuleSet = failure.RuleSetLabel,
                    InputsHash = inputsHash,
                    Error = failure.Error,
                },
            };
            keys = Outbox.ToOffice(db, plan, office, DeliveryChannels.RunFailed, $"{failure.RuleSetLabel}-{inputsHash[..16]}", [(0, notice)], now);
        }
        db.SaveChanges();
        tx.Commit();
        return new FailedRunOutcome(row.Id, repeated, keys.Count > 0 ? office!.Code : null, keys);
    }

    /// <summary>
    /// Stores the run and its findings, then opens, changes, reopens and auto-closes alerts accordingly. A run
    /// with a <see cref="RunRecord.Base"/> that is the ledger's latest run is stored as its changes against that
    /// run, and only the alerts those changes touch (and open alerts that run did not see) are looked at: an
    /// unchanged finding moves no alert, whatever state people have put it in since. The ledger ends as a full
    /// recording of the same run would leave it, but for the findings' rows (see <see cref="RunFindings"/>).
    /// </summary>
    public RunOutcome RecordRun(RunRecord run, DateTimeOffset now)
    {
        using var db = store.CreateDb();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        using var tx = db.Database.BeginTransaction();

        // Changes against a run that is not the latest would skip what the runs since then did to the alerts. A
        // failed run did nothing to them, so it is passed over.
        var latest = db.LatestCompletedRunId();
        var baseRun = run.Base is { } b && b.RunId == latest ? b : null;
        var delta = baseRun is null ? null : FindingDelta.Between(baseRun.Findings, run.Findings);

        var row = new RunRow
        {
            Trigger = run.Trigger,
            StartedAt = run.StartedAt,
            AsOf = run.AsOf,
            RuleSetVersion = run.RuleSetVersion,
            RuleSetHash = run.RuleSetHash,
            Feeds = string.Join(",", SummaryWriter.Feeds.Where(run.CoveredFeeds.Contains)),
            FindingCount = run.Findings.Count,
            BaseRunId = baseRun?.RunId,
            StoredFindings = delta?.Count ?? run.Findings.Count,
            RejectCount = run.RejectCount,
            DurationMs = run.DurationMs,
            SummaryJson = run.SummaryJson,
        };
        db.Runs.Add(row);
        db.SaveChanges();
        db.RunInputs.AddRange(run.Inputs.Select(f => new RunInputRow { RunId = row.Id, Feed = f.Feed, Name = f.Name, Sha256 = f.Sha256, Encoding = f.Encoding }));

        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        if (delta is null)
        {
            FindingBulkWriter.Write(connection, transaction, row.Id, run.Findings, AlertKey.Of);
        }
        else
        {
            FindingBulkWriter.Write(connection, transaction, row.Id, delta.Current, AlertKey.Of);
            FindingBulkWriter.Write(connection, transaction, row.Id, delta.Gone, AlertKey.Of, gone: true);
        }

        // One finding per key: a clock family yields at most one per subject; otherwise keep the gravest.
        var found = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var f in run.Findings)
        {
            var key = AlertKey.Of(f);
            if (!found.TryGetValue(key, out var kept) || f.Severity > kept.Severity)
            {
                found[key] = f;
            }
        }

        var known = Known(db, delta, baseRun?.RunId);

        // Ids are handed out here rather than by SaveChanges per alert: the transaction is IMMEDIATE, so nobody else
        // inserts meanwhile, and a new alert is written in bulk with its id (see RaisedRows for events and deliveries).
        var nextId = (db.Alerts.Max(a => (long?)a.Id) ?? 0) + 1;
        int opened = 0, changed = 0, reopened = 0, closed = 0;
        var moves = new List<(string Key, Finding Finding, bool? ClockOpen, Change Change)>();
        foreach (var (key, finding) in found)
        {
            if (delta is null || delta.Keys.Contains(key))
            {
                var clockOpen = ClockOpenOf(finding);
                moves.Add((key, finding, clockOpen, ChangeOf(known.GetValueOrDefault(key), finding, clockOpen)));
            }
        }
        var closing = known.Values.Where(k => !AlertState.IsTerminal(k.State) && !found.ContainsKey(k.Key) && run.Covers(k.Subject)).ToList();

        // The alerts that move, loaded together rather than one query each.
        var ids = moves.Where(m => m.Change is Change.Reopen or Change.Conclude or Change.Grade).Select(m => known[m.Key].Id)
            .Concat(closing.Select(k => k.Id)).ToList();
        var rows = db.Alerts.Where(a => ids.Contains(a.Id)).ToDictionary(a => a.Id);

        // New alerts are written in bulk as they open; the few that move stay tracked and are saved below.
        using var bulk = new AlertBulkWriter(connection, transaction);
        var raised = new RaisedRows(db, bulk);
        foreach (var (key, finding, clockOpen, change) in moves)
        {
            switch (change)
            {
                case Change.Open:
                {
                    var alert = NewAlert(nextId++, key, finding, clockOpen, row.Id, now);
                    raised.Opened(alert, Event(alert, "created", "", System, $"运行 #{row.Id} 发现：{finding.Message}", row.Id, now, from: ""),
                        Notices(alert, "new", now));
                    opened++;
                    break;
                }
                case Change.Reopen:
                {
                    var alert = rows[known[key].Id];
                    Snapshot(alert, finding, clockOpen);
                    raised.Tracked(Move(alert, AlertState.Pending, "reopened", System, $"运行 #{row.Id} 再次发现该问题，重新挂账", row.Id, now));
                    alert.ClosedAt = null;
                    alert.SentAt = null;
                    alert.AcknowledgedAt = null;
                    alert.FollowUpLevel = 0;
                    alert.FollowUpClockStart = null;
                    alert.Revision++;
                    raised.Tracked(Notices(alert, "reopened", now));
                    reopened++;
                    break;
                }
                case Change.Conclude:
                {
                    var alert = rows[known[key].Id];
                    Snapshot(alert, finding, clockOpen);
                    raised.Tracked(Move(alert, AlertState.AutoClosed, "auto-closed", System,
                        $"运行 #{row.Id}：{ConclusionOf(finding)}，计时已结束；最终认定 {finding.Rule}（{finding.Severity.ToChinese()}）", row.Id, now));
                    alert.ClosedAt = now;
                    CancelUnbatched(db, alert.Id);
                    closed++;
                    break;
                }
                case Change.Grade:
                {
                    var alert = rows[known[key].Id];
                    var before = $"{alert.Rule}（{alert.Severity.ToChinese()}）";
                    Snapshot(alert, finding, clockOpen);
                    alert.Revision++;
                    raised.Tracked(Event(alert, "changed", alert.State, System, $"运行 #{row.Id}：{before} → {finding.Rule}（{finding.Severity.ToChinese()}）", row.Id, now));
                    raised.Tracked(Notices(alert, "changed", now));
                    changed++;
                    break;
                }
            }
        }

        foreach (var k in closing)
        {
            var alert = rows[k.Id];
            raised.Tracked(Move(alert, AlertState.AutoClosed, "auto-closed", System, $"运行 #{row.Id} 未再发现该问题（数据已更正或已办结）", row.Id, now));
            alert.ClosedAt = now;
            CancelUnbatched(db, alert.Id);
            closed++;
        }

        row.AlertsOpened = opened + reopened;
        row.AlertsChanged = changed;
        row.AlertsClosed = closed;
        db.ChangeTracker.DetectChanges();
        db.SaveChanges();
        // The sightings are narrow rows of their own (see LedgerDb), so re-stamping every alert a run saw rewrites
        // no alert. Keys are Alerts', hence the ids looked up under them.
        if (baseRun is null)
        {
            db.Database.ExecuteSql(
                $"UPDATE AlertSightings SET LastSeenRunId = {row.Id}, LastSeenAsOf = {run.AsOf} WHERE AlertId IN (SELECT Id FROM Alerts WHERE Key IN (SELECT AlertKey FROM Findings WHERE RunId = {row.Id}))");
        }
        else
        {
            // Seen by this run: what the base run saw but for the keys now gone, and what this run stored.
            var goneKeys = JsonConvert.SerializeObject(delta!.GoneKeys);
            db.Database.ExecuteSql(
                $"UPDATE AlertSightings SET LastSeenRunId = {row.Id}, LastSeenAsOf = {run.AsOf} WHERE LastSeenRunId = {baseRun.RunId} AND AlertId NOT IN (SELECT Id FROM Alerts WHERE Key IN (SELECT value FROM json_each({goneKeys})))");
            db.Database.ExecuteSql(
                $"UPDATE AlertSightings SET LastSeenRunId = {row.Id}, LastSeenAsOf = {run.AsOf} WHERE AlertId IN (SELECT Id FROM Alerts WHERE Key IN (SELECT AlertKey FROM Findings WHERE RunId = {row.Id} AND NOT Gone))");
        }
        tx.Commit();
        return new RunOutcome(row.Id, run.Findings.Count, opened, changed, reopened, closed, row.BaseRunId, row.StoredFindings);
    }

    // The alerts a run can move, in id order. All of them for a run stored in full; for changes against the base
    // run, those under a changed key, and the open ones the base run did not see (a subject it could not judge
    // may be judged now, and its alert closed). Every other open alert was seen by the base run with a finding
    // that has not changed, which moves nothing.
    private static Dictionary<string, KnownAlert> Known(LedgerDb db, FindingDelta? delta, long? baseRunId)
    {
        var alerts = db.Alerts.AsNoTracking();
        IEnumerable<KnownAlert> rows;
        if (delta is null)
        {
            rows = Project(alerts).ToList();
        }
        else
        {
            var keys = JsonConvert.SerializeObject(delta.Keys);
            var open = AlertState.All.Where(s => !AlertState.IsTerminal(s)).ToList();
            var touched = Project(db.Alerts.FromSql($"SELECT * FROM Alerts WHERE Key IN (SELECT value FROM json_each({keys}))").AsNoTracking()).ToList();
            var unseen = Project(alerts.Where(a => open.Contains(a.State) && a.Sighting.LastSeenRunId < baseRunId)).ToList();
            rows = touched.Concat(unseen).DistinctBy(a => a.Id);
        }
        return rows.OrderBy(a => a.Id).ToDictionary(a => a.Key, StringComparer.Ordinal);
    }

    // What a finding does to its alert: opens one, reopens an auto-closed one whose clock runs again, closes one
    // whose clock stopped, records a new rule or severity; a terminal alert, or an unchanged verdict, stays.
    private static Change ChangeOf(KnownAlert? k, Finding finding, bool? clockOpen)
    {
        if (k is null)
        {
            return Change.Open;
        }
        if (k.State == AlertState.AutoClosed)
        {
            return clockOpen != false ? Change.Reopen : Change.None;
        }
        if (AlertState.IsTerminal(k.State))
        {
            return Change.None;
        }
        if (k.ClockOpen == true && clockOpen == false)
        {
            return Change.Conclude;
        }
        return k.Rule != finding.Rule || k.Severity != finding.Severity ? Change.Grade : Change.None;
    }

    private static IQueryable<KnownAlert> Project(IQueryable<AlertRow> alerts) =>
        alerts.Select(a => new KnownAlert(a.Id, a.Key, a.State, a.Rule, a.Severity, a.Subject, a.ClockOpen));

    private enum Change
    {
        None,
        Open,
        Reopen,
        Conclude,
        Grade,
    }

    private sealed record KnownAlert(long Id, string Key, string State, string Rule, Severity Severity, string Subject, bool? ClockOpen);

    /// <summary>A person's action on an alert; refused (not thrown) when the state does not allow it.</summary>
    public TransitionResult Apply(long alertId, AlertAction action, string actor, string reason, DateTimeOffset now)
    {
        using var db = store.CreateDb();
        using var tx = db.Database.BeginTransaction();
        var alert = db.Alerts.SingleOrDefault(a => a.Id == alertId);
        if (alert is null)
        {
            return new TransitionResult(false, "", $"挂账 #{alertId} 不存在。");
        }
        if (!AlertTransitions.TryNext(alert.State, action, out var to))
        {
            return new TransitionResult(false, alert.State,
                $"挂账 #{alertId} 当前状态为“{AlertState.ToChinese(alert.State)}”，不能{AlertTransitions.ToChinese(action)}。");
        }
        db.AlertEvents.Add(Move(alert, to, AlertTransitions.Name(action), actor, reason, null, now));
        switch (action)
        {
            case AlertAction.Acknowledge:
                alert.AcknowledgedAt = now;
                RestartFollowUpClock(alert, now);
                break;
            case AlertAction.Uphold:
                RestartFollowUpClock(alert, now);
                break;
        }
        if (AlertState.IsTerminal(to))
        {
            alert.ClosedAt = now;
            CancelUnbatched(db, alert.Id);
        }
        db.SaveChanges();
        tx.Commit();
        return new TransitionResult(true, to, $"挂账 #{alertId}：{AlertState.ToChinese(to)}。");
    }

    /// <summary>
    /// Raises the 督办 follow-ups due today: for each alert waiting on its unit (sent and not acknowledged, or
    /// acknowledged/upheld and not rectified), the highest rung of the ladder reached and not yet raised. A clock
    /// whose days reach into a year no calendar covers is not counted: weekdays are not working days by default
    /// (元旦 is one), and a follow-up raised on a guess would go to the parent and the office a day early.
    /// </summary>
    public EscalationOutcome Escalate(DateTimeOffset now, DateOnly today, WorkingCalendar calendar, EscalationPolicy policy)
    {
        using var db = store.CreateDb();
        using var tx = db.Database.BeginTransaction();
        var waiting = db.Alerts
            .Where(a => a.FollowUpClockStart != null
                && (a.State == AlertState.Sent || a.State == AlertState.Acknowledged || a.State == AlertState.Upheld))
            .ToList();
        var raised = 0;
        var uncovered = new SortedSet<int>();
        foreach (var alert in waiting)
        {
            var of = alert.State == AlertState.Sent ? "acknowledgement" : "rectification";
            var limit = alert.State == AlertState.Sent ? policy.AcknowledgeDays : policy.RectifyDays;
            var start = ShanghaiDay.Of(alert.FollowUpClockStart!.Value);
            if (today > start && calendar.FirstUncoveredYear(start.AddDays(1), today) is { } year)
            {
                uncovered.Add(year);
                continue;
            }
            var used = calendar.WorkingDaysBetween(start, today);
            var level = used > limit + policy.RedAfterDays ? 3 : used > limit ? 2 : limit - used <= policy.WarnDays ? 1 : 0;
            if (level <= alert.FollowUpLevel)
            {
                continue;
            }
            var severity = (Severity)level;
            alert.FollowUpLevel = level;
            var what = of == "acknowledgement" ? "签收" : "整改";
            db.AlertEvents.Add(Event(alert, "follow-up", alert.State, System,
                $"{severity.ToChinese()}督办：{what}已用 {used} 个工作日，时限 {limit} 个工作日", null, now));
            var recipients = level == 1 ? routing.NoticeRecipients(alert.Unit) : routing.FollowUpRecipients(alert.Unit);
            db.Deliveries.AddRange(Deliveries(alert, DeliveryChannels.FollowUp, recipients, now, notice => notice with
            {
                Kind = "follow-up",
                FollowUpSeverity = severity.ToCode(),
                FollowUpOf = of,
                FollowUpUsed = used,
                FollowUpLimit = limit,
            }));
            raised++;
        }
        db.SaveChanges();
        tx.Commit();
        return new EscalationOutcome(raised, [.. uncovered]);
    }

    private static AlertRow NewAlert(long id, string key, Finding finding, bool? clockOpen, long runId, DateTimeOffset now) => new()
    {
        Id = id,
        Key = key,
        Rule = finding.Rule,
        Severity = finding.Severity,
        Subject = finding.Subject,
        Unit = finding.Unit,
        Message = finding.Message,
        Basis = finding.Basis,
        EvidenceJson = EvidenceJson.Text(finding.Evidence),
        OccurredOn = finding.OccurredOn,
        Fingerprint = finding.Fingerprint,
        State = AlertState.Pending,
        CreatedAt = now,
        StateChangedAt = now,
        FirstRunId = runId,
        Sighting = new AlertSighting { LastSeenRunId = runId, LastSeenAsOf = finding.AsOf },
        ClockOpen = clockOpen,
        Revision = 1,
    };

    private static void Snapshot(AlertRow alert, Finding finding, bool? clockOpen)
    {
        alert.Rule = finding.Rule;
        alert.Severity = finding.Severity;
        alert.Unit = finding.Unit;
        alert.Message = finding.Message;
        alert.Basis = finding.Basis;
        alert.EvidenceJson = EvidenceJson.Text(finding.Evidence);
        alert.OccurredOn = finding.OccurredOn;
        alert.Fingerprint = finding.Fingerprint;
        alert.Sighting.LastSeenAsOf = finding.AsOf;
        alert.ClockOpen = clockOpen;
    }

    // A notice of a new, changed or reopened alert to the responsible unit.
    private List<DeliveryRow> Notices(AlertRow alert, string kind, DateTimeOffset now) =>
        Deliveries(alert, DeliveryChannels.Notice, routing.NoticeRecipients(alert.Unit), now, n => n with { Kind = kind });

    // The outbox rows of one notice: one per recipient and address, in that order, all carrying the same frozen notice.
    private List<DeliveryRow> Deliveries(AlertRow alert, string kind, IReadOnlyList<Unit> recipients, DateTimeOffset now, Func<AlertNotice, AlertNotice> shape)
    {
        var notice = shape(new AlertNotice
        {
            AlertId = alert.Id,
            Key = alert.Key,
            Kind = kind,
            Revision = alert.Revision,
            Rule = alert.Rule,
            Severity = alert.Severity.ToCode(),
            Subject = alert.Subject,
            Unit = alert.Unit,
            UnitName = routing.Find(alert.Unit)?.Name ?? "",
            Message = alert.Message,
            Basis = alert.Basis,
            Evidence = alert.EvidenceJson,
            OccurredOn = alert.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AsOf = alert.Sighting.LastSeenAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            State = alert.State,
        }).ToJson();
        var rows = new List<DeliveryRow>();
        foreach (var unit in Reachable(recipients))
        {
            foreach (var (channel, address) in plan.AddressesOf(unit))
            {
                rows.Add(new DeliveryRow
                {
                    AlertId = alert.Id,
                    Kind = kind,
                    Recipient = unit.Code,
                    Channel = channel,
                    Address = address,
                    NoticeJson = notice,
                    Digest = plan.IsDigest(unit.Code),
                    State = DeliveryChannels.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }
        return rows;
    }

    // A recipient with no address on any channel switched on is reached through the office, as a unit that is not
    // known at all is: otherwise its notice has no row in the outbox and the alert stays 待发, unescalated, for ever.
    private IEnumerable<Unit> Reachable(IReadOnlyList<Unit> recipients) =>
        recipients
            .Select(unit => plan.AddressesOf(unit).Any() ? unit : routing.OfficeFor(unit.Code))
            .OfType<Unit>()
            .Where(unit => plan.AddressesOf(unit).Any())
            .DistinctBy(unit => unit.Code);

    // The event is built before the alert moves, so that it records the state the alert left.
    private static AlertEventRow Move(AlertRow alert, string to, string action, string actor, string reason, long? runId, DateTimeOffset now)
    {
        var moved = Event(alert, action, to, actor, reason, runId, now, from: alert.State);
        alert.State = to;
        alert.StateChangedAt = now;
        return moved;
    }

    private static AlertEventRow Event(AlertRow alert, string action, string to, string actor, string reason, long? runId, DateTimeOffset now, string? from = null) =>
        new()
        {
            AlertId = alert.Id,
            At = now,
            Actor = actor,
            Action = action,
            FromState = from ?? alert.State,
            ToState = to.Length > 0 ? to : alert.State,
            Reason = reason,
            RunId = runId,
        };

    private static void RestartFollowUpClock(AlertRow alert, DateTimeOffset now)
    {
        alert.FollowUpClockStart = now;
        alert.FollowUpLevel = 0;
    }

    // A notice not yet put in a message is withdrawn with its alert; one already in a message must still go, since
    // that message may have left before a crash and a re-send has to carry the same content under the same key.
    private static void CancelUnbatched(LedgerDb db, long alertId) =>
        db.Database.ExecuteSql(
            $"UPDATE Deliveries SET State = {DeliveryChannels.Cancelled} WHERE AlertId = {alertId} AND State = {DeliveryChannels.Pending} AND BatchKey IS NULL");

    private static bool? ClockOpenOf(Finding finding) =>
        AlertKey.FamilyOf(finding.Rule) is not null && finding.Evidence.TryGet("open", out var v) && v is bool b ? b : null;

    private static string ConclusionOf(Finding finding) => finding.Subject.StartsWith(Subjects.CasePrefix, StringComparison.Ordinal) ? "办件已办结" : "环节已完成";
}
