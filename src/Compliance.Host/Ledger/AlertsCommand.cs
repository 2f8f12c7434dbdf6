using System.CommandLine;
using System.Globalization;
using Compliance.Engine.Alerts;
using Compliance.Engine.Catalog;
using Compliance.Engine.Storage;
using Compliance.Host.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Host.Ledger;

/// <summary><c>compliance alerts list|show|ack|rectify|appeal|revoke|close</c>: the office's view of the ledger and its hands on it.</summary>
internal static class AlertsCommand
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Not a stored state: 待发 alerts waiting on a notice the outbox gave up on (<see cref="UndeliveredNotices"/>).</summary>
    private const string Undelivered = "undelivered";

    public static Command Create(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("alerts", "挂账台账：查看与登记签收、整改、申诉、撤销、办结")
        {
            List(clock, stdout, stderr),
            Show(clock, stdout, stderr),
            Act("ack", "登记签收", AlertAction.Acknowledge, reasonRequired: false, clock, stdout, stderr),
            Act("rectify", "登记整改", AlertAction.Rectify, reasonRequired: true, clock, stdout, stderr),
            Appeal(clock, stdout, stderr),
            Act("revoke", "撤销挂账（监察室）", AlertAction.Revoke, reasonRequired: true, clock, stdout, stderr),
            Act("close", "办结挂账（监察室）", AlertAction.Close, reasonRequired: true, clock, stdout, stderr),
        };
        return command;
    }

    private static Command List(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var shared = new LedgerCommandOptions();
        var unit = new Option<string?>("--unit") { Description = "责任单位编码（含下级单位）", HelpName = "code" };
        var code = new Option<string?>("--code") { Description = "规则编码，如 case.overdue-statutory", HelpName = "rule" };
        var severity = new Option<string?>("--severity") { Description = "级别", HelpName = "warning|yellow|red" };
        severity.AcceptOnlyFromAmong("warning", "yellow", "red");
        var state = new Option<string?>("--state") { Description = "状态；open 表示所有未结，undelivered 表示待发（投递失败）", HelpName = "state" };
        state.AcceptOnlyFromAmong([.. AlertState.All, "open", Undelivered]);
        var limit = new Option<int>("--limit") { Description = "最多列出条数", DefaultValueFactory = _ => 200 };
        var command = new Command("list", "列出挂账") { unit, code, severity, state, limit };
        shared.AddTo(command);
        command.SetAction(parse => LedgerSession.Look(parse, shared, clock, stderr, db =>
        {
            IQueryable<AlertRow> query = db.Alerts.AsNoTracking();
            if (parse.GetValue(unit) is { Length: > 0 } u)
            {
                query = query.Where(a => a.Unit == u || a.Unit.StartsWith(u));
            }
            if (parse.GetValue(code) is { Length: > 0 } c)
            {
                query = query.Where(a => a.Rule == c);
            }
            if (SeverityNames.TryParse(parse.GetValue(severity), out var s))
            {
                query = query.Where(a => a.Severity == s);
            }
            switch (parse.GetValue(state))
            {
                case "open":
                    query = query.Where(a => a.State != AlertState.Closed && a.State != AlertState.AutoClosed
                        && a.State != AlertState.Revoked && a.State != AlertState.Overturned);
                    break;
                case Undelivered:
                    query = query.Where(a => a.State == AlertState.Pending && db.Deliveries.Any(d =>
                        d.AlertId == a.Id && d.Kind == DeliveryChannels.Notice && d.State == DeliveryChannels.Failed));
                    break;
                case { Length: > 0 } st:
                    query = query.Where(a => a.State == st);
                    break;
            }
            List<AlertRow> rows;
            int total;
            IReadOnlySet<long> undelivered;
            if (parse.GetValue(state) == Undelivered)
            {
                // Whether a failure belongs to the alert's current 待发 is decided by time, which SQLite cannot
                // compare for DateTimeOffset: the few candidates are sorted out here.
                var candidates = query.ToList();
                undelivered = UndeliveredNotices.Among(db, candidates);
                var matching = candidates.Where(a => undelivered.Contains(a.Id)).OrderByDescending(a => a.Severity).ThenBy(a => a.Id).ToList();
                total = matching.Count;
                rows = [.. matching.Take(parse.GetValue(limit))];
            }
            else
            {
                total = query.Count();
                rows = query.OrderByDescending(a => a.Severity).ThenBy(a => a.Id).Take(parse.GetValue(limit)).ToList();
                undelivered = UndeliveredNotices.Among(db, rows);
            }
            stdout.WriteLine($"挂账 {total} 条{(total > rows.Count ? $"（列出前 {rows.Count} 条）" : "")}");
            foreach (var a in rows)
            {
                stdout.WriteLine($"#{a.Id}\t{UndeliveredNotices.StateToChinese(a.State, undelivered.Contains(a.Id))}\t{a.Severity.ToChinese()}\t{a.Rule}\t{a.Subject}\t{Unit(a.Unit)}\t末次发现 {a.Sighting.LastSeenAsOf:yyyy-MM-dd}\t{a.Message}");
            }
            return ExitCode.Completed;
        }));
        return command;
    }

    private static Command Show(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var shared = new LedgerCommandOptions();
        var id = new Argument<long>("id") { Description = "挂账编号" };
        var command = new Command("show", "查看一条挂账：问题、计算过程、流转记录和推送情况") { id };
        shared.AddTo(command);
        command.SetAction(parse => LedgerSession.Look(parse, shared, clock, stderr, db =>
        {
            var alertId = parse.GetValue(id);
            var a = db.Alerts.AsNoTracking().SingleOrDefault(x => x.Id == alertId);
            if (a is null)
            {
                stderr.WriteLine($"挂账 #{alertId} 不存在。");
                return ExitCode.NothingJudged;
            }
            var undelivered = UndeliveredNotices.Among(db, [a]).Contains(a.Id);
            stdout.WriteLine($"挂账 #{a.Id}　{UndeliveredNotices.StateToChinese(a.State, undelivered)}（{a.State}）");
            stdout.WriteLine($"问题：{a.Message}");
            stdout.WriteLine($"规则：{a.Rule}（{a.Severity.ToChinese()}）");
            stdout.WriteLine($"对象：{a.Subject}");
            stdout.WriteLine($"责任单位：{Unit(a.Unit)}");
            stdout.WriteLine($"发生日期：{a.OccurredOn:yyyy-MM-dd}　首次发现：运行 #{a.FirstRunId}　末次发现：运行 #{a.Sighting.LastSeenRunId}（{a.Sighting.LastSeenAsOf:yyyy-MM-dd}）");
            stdout.WriteLine($"依据：{a.Basis}");
            var latest = db.Findings.AsNoTracking().Where(f => f.AlertKey == a.Key).OrderByDescending(f => f.RunId).FirstOrDefault();
            stdout.WriteLine($"计算过程：{MessageText.Figures(latest?.EvidenceJson ?? a.EvidenceJson)}");
            if (a.FollowUpLevel > 0)
            {
                stdout.WriteLine($"督办：{((Severity)a.FollowUpLevel).ToChinese()}");
            }
            stdout.WriteLine("流转记录：");
            foreach (var e in db.AlertEvents.AsNoTracking().Where(x => x.AlertId == a.Id).OrderBy(x => x.Id).ToList())
            {
                var run = e.RunId is { } r ? $"（运行 #{r}）" : "";
                stdout.WriteLine($"  {Time(e.At)}　{e.Actor}　{e.Action}　{AlertState.ToChinese(e.FromState)} → {AlertState.ToChinese(e.ToState)}　{e.Reason}{run}");
            }
            stdout.WriteLine("推送：");
            foreach (var d in db.Deliveries.AsNoTracking().Where(x => x.AlertId == a.Id).OrderBy(x => x.Id).ToList())
            {
                var when = d.SentAt is { } s ? Time(s) : "";
                var error = d.LastError is { Length: > 0 } err ? $"　最近错误：{err}" : "";
                stdout.WriteLine($"  {d.Kind}　{d.Channel}　{d.Recipient} {d.Address}　{DeliveryChannels.StateToChinese(d.State)}　尝试 {d.Attempts} 次　{when}　{d.BatchKey}{error}");
            }
            return ExitCode.Completed;
        }));
        return command;
    }

    private static Command Act(string name, string description, AlertAction action, bool reasonRequired, TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var shared = new LedgerCommandOptions();
        var id = new Argument<long>("id") { Description = "挂账编号" };
        var by = new Option<string?>("--by") { Description = "经办人（默认为当前系统用户）", HelpName = "name" };
        var reason = new Option<string?>("--reason") { Description = reasonRequired ? "理由或结果（必填）" : "说明", HelpName = "text", Required = reasonRequired };
        var command = new Command(name, description) { id, by, reason };
        shared.AddTo(command);
        command.SetAction(parse => Apply(parse, shared, parse.GetValue(id), action, parse.GetValue(by), parse.GetValue(reason), clock, stdout, stderr));
        return command;
    }

    private static Command Appeal(TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        var shared = new LedgerCommandOptions();
        var id = new Argument<long>("id") { Description = "挂账编号" };
        var by = new Option<string?>("--by") { Description = "经办人（默认为当前系统用户）", HelpName = "name" };
        var reason = new Option<string>("--reason") { Description = "申诉理由或裁决理由（必填）", HelpName = "text", Required = true };
        var uphold = new Option<bool>("--uphold") { Description = "监察室驳回申诉：挂账维持，须整改" };
        var overturn = new Option<bool>("--overturn") { Description = "监察室认定申诉成立：挂账作废" };
        var command = new Command("appeal", "登记申诉；或以 --uphold / --overturn 裁决申诉") { id, by, reason, uphold, overturn };
        shared.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(uphold) && parse.GetValue(overturn))
            {
                stderr.WriteLine("--uphold 与 --overturn 只能选其一。");
                return ExitCode.NothingJudged;
            }
            var action = parse.GetValue(uphold) ? AlertAction.Uphold : parse.GetValue(overturn) ? AlertAction.Overturn : AlertAction.Appeal;
            return Apply(parse, shared, parse.GetValue(id), action, parse.GetValue(by), parse.GetValue(reason), clock, stdout, stderr);
        });
        return command;
    }

    private static int Apply(ParseResult parse, LedgerCommandOptions shared, long id, AlertAction action, string? by, string? reason, TimeProvider clock, TextWriter stdout, TextWriter stderr)
    {
        using var session = LedgerSession.Open(parse, shared, clock, stderr);
        if (session is null)
        {
            return ExitCode.NothingJudged;
        }
        // A person's action needs no routing: nothing is sent from here, so the ledger is opened without units.
        var ledger = new AlertLedger(session.Get<LedgerStore>(), new AlertRouting(new Dictionary<string, Engine.Catalog.Unit>()), new DeliveryPlan());
        var actor = string.IsNullOrWhiteSpace(by) ? Environment.UserName : by.Trim();
        var result = ledger.Apply(id, action, actor, reason?.Trim() ?? "", clock.GetUtcNow());
        (result.Done ? stdout : stderr).WriteLine(result.Message);
        return result.Done ? ExitCode.Completed : ExitCode.NothingJudged;
    }

    private static string Unit(string code) => code.Length > 0 ? code : "（无责任单位）";

    internal static string Time(DateTimeOffset instant) => instant.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
