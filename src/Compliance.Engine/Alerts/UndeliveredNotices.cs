using Compliance.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Engine.Alerts;

/// <summary>
/// Which 待发 alerts wait on a notice the outbox gave up on. Such an alert stays 待发 (its unit never got it), so
/// the office's views mark it 待发（投递失败）; the stored state is unchanged. Only notices raised since the alert
/// last became 待发 count: a failure before it was closed and reopened is history.
/// </summary>
public static class UndeliveredNotices
{
    public static IReadOnlySet<long> Among(LedgerDb db, IReadOnlyCollection<AlertRow> alerts)
    {
        var pending = alerts.Where(a => a.State == AlertState.Pending).ToDictionary(a => a.Id, a => a.StateChangedAt);
        var ids = pending.Keys.ToList();
        var failed = db.Deliveries.AsNoTracking()
            .Where(d => ids.Contains(d.AlertId) && d.Kind == DeliveryChannels.Notice && d.State == DeliveryChannels.Failed)
            .Select(d => new { d.AlertId, d.CreatedAt })
            .ToList();
        return failed.Where(d => d.CreatedAt >= pending[d.AlertId]).Select(d => d.AlertId).ToHashSet();
    }

    /// <summary>The alert's state as the office reads it.</summary>
    public static string StateToChinese(string state, bool undelivered) =>
        undelivered ? $"{AlertState.ToChinese(state)}（投递失败）" : AlertState.ToChinese(state);
}
