using System.Globalization;
using Compliance.Engine.Catalog;
using Compliance.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Engine.Alerts;

/// <summary>
/// The outbox over the ledger's delivery rows. A row is put into a message (its batch key, which is the message's
/// idempotency key) in one transaction, sent, and marked sent in another: a crash in between leaves it pending
/// with its key, so the next attempt sends the same message again and a de-duplicating receiver sees it once.
/// A message given up on is re-addressed to the office (see <see cref="MarkFailed"/>), so nothing is lost silently.
/// </summary>
public sealed class Outbox(LedgerStore store, AlertRouting routing, DeliveryPlan plan)
{
    /// <summary>
    /// Puts due, unbatched rows into messages: one per row for units that get each notice at once, and, when
    /// <paramref name="flushDigests"/>, one per recipient and channel for units that get a digest.
    /// </summary>
    public int Batch(DateTimeOffset now, bool flushDigests)
    {
        using var db = store.CreateDb();
        using var tx = db.Database.BeginTransaction();
        var rows = db.Deliveries
            .Where(d => d.State == DeliveryChannels.Pending && d.BatchKey == null && d.NextAttemptAt <= now && (flushDigests || !d.Digest))
            .OrderBy(d => d.Id)
            .ToList();
        var day = ShanghaiDay.Of(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        foreach (var row in rows.Where(r => !r.Digest))
        {
            row.BatchKey = $"notice-{row.Id}";
        }
        foreach (var group in rows.Where(r => r.Digest).GroupBy(r => (r.Recipient, r.Channel, r.Address)))
        {
            var key = $"digest-{day}-{group.Key.Recipient}-{group.Key.Channel}-{group.Min(r => r.Id)}";
            foreach (var row in group)
            {
                row.BatchKey = key;
            }
        }
        db.SaveChanges();
        tx.Commit();
        return rows.Count;
    }

    /// <summary>Messages due for an attempt, oldest first.</summary>
    public IReadOnlyList<OutboxBatch> Due(DateTimeOffset now, int max = 500)
    {
        using var db = store.CreateDb();
        var rows = db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryChannels.Pending && d.BatchKey != null && d.NextAttemptAt <= now)
            .OrderBy(d => d.Id)
            .ToList();
        return rows.GroupBy(r => r.BatchKey!)
            .Take(max)
            .Select(g => new OutboxBatch(
                g.Key, g.First().Recipient, g.First().Channel, g.First().Address,
                g.Select(r => AlertNotice.FromJson(r.NoticeJson)).ToList(), g.Max(r => r.Attempts)))
            .ToList();
    }

    /// <summary>The channel accepted the message: its rows are sent, and an alert whose every notice went out is 已发.</summary>
    public void MarkSent(string batchKey, DateTimeOffset now)
    {
        using var db = store.CreateDb();
        using var tx = db.Database.BeginTransaction();
        var rows = db.Deliveries.Where(d => d.BatchKey == batchKey && d.State == DeliveryChannels.Pending).ToList();
        foreach (var row in rows)
        {
            row.State = DeliveryChannels.Sent;
            row.SentAt = now;
            row.Attempts++;
        }
        db.SaveChanges();
        MarkAlertsSent(db, rows, now);
        db.SaveChanges();
        tx.Commit();
    }

    /// <summary>
    /// Makes 已发 each 待发 alert of these rows whose every notice is settled (none pending) and at least one reached
    /// the unit since the alert became 待发: a channel given up on does not hold back an alert another channel
    /// delivered, whichever settled first.
    /// </summary>
    private static void MarkAlertsSent(LedgerDb db, IEnumerable<DeliveryRow> rows, DateTimeOffset now)
    {
        var alertIds = rows.Where(r => r.Kind == DeliveryChannels.Notice).Select(r => r.AlertId).Distinct().ToList();
        foreach (var alert in db.Alerts.Where(a => alertIds.Contains(a.Id) && a.State == AlertState.Pending).ToList())
        {
            // SQLite cannot compare DateTimeOffset: the alert's few notice rows are weighed here.
            var notices = db.Deliveries
                .Where(d => d.AlertId == alert.Id && d.Kind == DeliveryChannels.Notice)
                .Select(d => new { d.State, d.SentAt })
                .ToList();
            if (notices.Any(n => n.State == DeliveryChannels.Pending)
                || !notices.Any(n => n.State == DeliveryChannels.Sent && n.SentAt >= alert.StateChangedAt))
            {
                continue;
            }
            db.AlertEvents.Add(new AlertEventRow
            {
                AlertId = alert.Id,
                At = now,
                Actor = AlertLedger.System,
                Action = "sent",
                FromState = alert.State,
                ToState = AlertState.Sent,
                Reason = notices.Any(n => n.State == DeliveryChannels.Failed) ? "通知已由部分渠道送达，其余渠道投递失败" : "各渠道已接收通知",
            });
            alert.State = AlertState.Sent;
            alert.StateChangedAt = now;
            alert.SentAt = now;
            alert.FollowUpClockStart = now;
            alert.FollowUpLevel = 0;
        }
    }

    /// <summary>
    /// The channel refused or could not be reached: try again later, with a doubling pause, up to a limit. At the
    /// limit the rows are failed and, in the same transaction, the office is sent what its unit never got, as one
    /// message per office channel under a key derived from the failed one: a crash before the commit leaves the
    /// message pending to fail again, one after it leaves the office's message queued once. Returns what was
    /// given up on, or null while attempts remain.
    /// </summary>
    public FinalFailure? MarkFailed(string batchKey, string error, DateTimeOffset now, int maxAttempts, TimeSpan firstPause)
    {
        using var db = store.CreateDb();
        using var tx = db.Database.BeginTransaction();
        var rows = db.Deliveries.Where(d => d.BatchKey == batchKey && d.State == DeliveryChannels.Pending).OrderBy(d => d.Id).ToList();
        foreach (var row in rows)
        {
            row.Attempts++;
            row.LastError = error.Length > 2000 ? error[..2000] : error;
            var pause = TimeSpan.FromTicks(Math.Min(firstPause.Ticks * (1L << Math.Min(row.Attempts - 1, 20)), TimeSpan.FromHours(6).Ticks));
            row.NextAttemptAt = now + pause;
            if (row.Attempts >= maxAttempts)
            {
                row.State = DeliveryChannels.Failed;
            }
        }
        var failed = rows.Where(r => r.State == DeliveryChannels.Failed).ToList();
        FinalFailure? outcome = null;
        if (failed.Count > 0)
        {
            var first = failed[0];
            var (office, keys) = TellOffice(db, batchKey, failed, now);
            outcome = new FinalFailure(batchKey, first.Recipient, first.Channel, first.Address, failed.Max(r => r.Attempts), first.LastError ?? "",
                failed.Select(r => r.AlertId).Distinct().ToList(), office, keys);
            db.SaveChanges();
            MarkAlertsSent(db, failed, now);
        }
        db.SaveChanges();
        tx.Commit();
        return outcome;
    }

    // A message that was itself to the office is not sent to the office again: it would go the same way, and a
    // failure message about a failure message could loop for ever.
    private (string? Office, List<string> Keys) TellOffice(LedgerDb db, string batchKey, List<DeliveryRow> failed, DateTimeOffset now)
    {
        var first = failed[0];
        var office = routing.OfficeFor(first.Recipient);
        if (first.Kind is DeliveryChannels.Undelivered or DeliveryChannels.RunFailed || office is null || office.Code == first.Recipient)
        {
            return (null, []);
        }
        var failure = new DeliveryFailure
        {
            Recipient = first.Recipient,
            RecipientName = routing.Find(first.Recipient)?.Name ?? "",
            Channel = first.Channel,
            Address = first.Address,
            Attempts = failed.Max(r => r.Attempts),
            Error = first.LastError ?? "",
            MessageKey = batchKey,
        };
        var keys = ToOffice(db, plan, office, DeliveryChannels.Undelivered, batchKey,
            failed.Select(row => (row.AlertId, AlertNotice.FromJson(row.NoticeJson) with { Undelivered = failure })).ToList(), now);
        return (keys.Count > 0 ? office.Code : null, keys);
    }

    /// <summary>
    /// Queues <paramref name="notices"/> to the office, one message per office channel under the key
    /// <c>{kind}-{channel}-{about}</c>: derived from what it is about, so that the same cause never yields a second
    /// key, and set here rather than by <see cref="Batch"/> because the office hears at once, not in its own digest.
    /// Returns the keys; none when the office has no address on any channel switched on.
    /// </summary>
    internal static List<string> ToOffice(
        LedgerDb db, DeliveryPlan plan, Unit office, string kind, string about, IReadOnlyList<(long AlertId, AlertNotice Notice)> notices, DateTimeOffset now)
    {
        var keys = new List<string>();
        foreach (var (channel, address) in plan.AddressesOf(office))
        {
            var key = $"{kind}-{channel}-{about}";
            keys.Add(key);
            db.Deliveries.AddRange(notices.Select(n => new DeliveryRow
            {
                AlertId = n.AlertId,
                Kind = kind,
                Recipient = office.Code,
                Channel = channel,
                Address = address,
                NoticeJson = n.Notice.ToJson(),
                BatchKey = key,
                State = DeliveryChannels.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            }));
        }
        return keys;
    }
}
