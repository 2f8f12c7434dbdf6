using Compliance.Engine.Storage;

namespace Compliance.Engine.Alerts;

/// <summary>
/// Where the rows a run raises go: a new alert, its "created" event and its notices straight to the
/// <see cref="AlertBulkWriter"/>; the events and notices of alerts that move to EF's change tracker, saved at the end of
/// the run. The two paths insert in another order than the rows were raised in, so ids are handed out here as rows
/// are raised, from where SQLite's AUTOINCREMENT stands: each row gets the id that inserting the rows one by one in
/// that order would give it, and the outbox, which sends in id order, sends alert by alert as the run raised them.
/// </summary>
internal sealed class RaisedRows
{
    private readonly LedgerDb _db;
    private readonly AlertBulkWriter _bulk;
    private long _nextEventId;
    private long _nextDeliveryId;

    public RaisedRows(LedgerDb db, AlertBulkWriter bulk)
    {
        _db = db;
        _bulk = bulk;
        (_nextEventId, _nextDeliveryId) = bulk.NextIds();
    }

    /// <summary>Inserts a new alert (which carries its id) with the event that created it and its notices.</summary>
    public void Opened(AlertRow alert, AlertEventRow created, IReadOnlyList<DeliveryRow> notices)
    {
        _bulk.Insert(alert);
        _bulk.Insert(Numbered(created));
        for (var i = 0; i < notices.Count; i++)
        {
            _bulk.Insert(Numbered(notices[i]));
        }
    }

    /// <summary>Adds an event of a tracked alert to the change tracker.</summary>
    public void Tracked(AlertEventRow alertEvent) => _db.AlertEvents.Add(Numbered(alertEvent));

    /// <summary>Adds notices of a tracked alert to the change tracker.</summary>
    public void Tracked(IReadOnlyList<DeliveryRow> deliveries)
    {
        for (var i = 0; i < deliveries.Count; i++)
        {
            _db.Deliveries.Add(Numbered(deliveries[i]));
        }
    }

    private AlertEventRow Numbered(AlertEventRow alertEvent)
    {
        alertEvent.Id = _nextEventId++;
        return alertEvent;
    }

    private DeliveryRow Numbered(DeliveryRow delivery)
    {
        delivery.Id = _nextDeliveryId++;
        return delivery;
    }
}
