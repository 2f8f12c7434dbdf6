using System.Globalization;
using Compliance.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Engine.Alerts;

/// <summary>
/// The outbox over the ledger's delivery rows. A row is put into a message (its batch key, which is the message's
/// idempotency key) in one transaction, sent, and marked sent in another: a crash in between leaves it pending
/// with its key, so the next attempt sends the same message again and a de-duplicating receiver sees it once.
/// </summary>
public sealed class Outbox(LedgerStore store)
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
        var alertIds = rows.Where(r => r.Kind == DeliveryChannels.Notice).Select(r => r.AlertId).Distinct().ToList();
        foreach (var alert in db.Alerts.Where(a => alertIds.Contains(a.Id) && a.State == AlertState.Pending).ToList())
        {
            var stillPending = db.Deliveries.Any(d => d.AlertId == alert.Id && d.Kind == DeliveryChannels.Notice && d.State == DeliveryChannels.Pending);
            if (stillPending)
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
                Reason = "各渠道已接收通知",
            });
            alert.State = AlertState.Sent;
            alert.StateChangedAt = now;
            alert.SentAt = now;
            alert.FollowUpClockStart = now;
            alert.FollowUpLevel = 0;
        }
        db.SaveChanges();
        tx.Commit();
    }

    /// <summary>The channel refused or could not be reached: try again later, with a doubling pause, up to a limit.</summary>
    public void MarkFailed(string batchKey, string error, DateTimeOffset now, int maxAttempts, TimeSpan firstPause)
    {
        using var db = store.CreateDb();
        using var tx = db.Database.BeginTransaction();
        foreach (var row in db.Deliveries.Where(d => d.BatchKey == batchKey && d.State == DeliveryChannels.Pending).ToList())
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
        db.SaveChanges();
        tx.Commit();
    }
}
