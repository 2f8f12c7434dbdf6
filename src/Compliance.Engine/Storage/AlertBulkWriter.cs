using System.Data.Common;

namespace Compliance.Engine.Storage;

/// <summary>
/// Inserts alerts, their events and their outbox rows with prepared INSERTs re-executed per row inside the caller's
/// transaction, as <see cref="FindingBulkWriter"/> does for findings: a first run opens tens of thousands of alerts,
/// and change tracking saves them at about a hundred microseconds a row. Each row is stored as the EF model stores
/// it (see <see cref="StoredValues"/>), with the id it carries: the caller hands ids out, so that rows inserted here
/// and rows EF saves in the same transaction keep the order they were raised in.
/// </summary>
internal sealed class AlertBulkWriter : IDisposable
{
    private const string NextIdsQuery =
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'AlertEvents'), 0), coalesce((SELECT max(Id) FROM AlertEvents), 0)) + 1, " +
        "max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'Deliveries'), 0), coalesce((SELECT max(Id) FROM Deliveries), 0)) + 1";

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly PreparedInsert _alerts;
    private readonly PreparedInsert _sightings;
    private readonly PreparedInsert _events;
    private readonly PreparedInsert _deliveries;

    public AlertBulkWriter(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _alerts = new PreparedInsert(connection, transaction, "Alerts",
            "Id", "Key", "Rule", "Severity", "Subject", "Unit", "Message", "Basis", "EvidenceJson", "OccurredOn", "Fingerprint",
            "State", "CreatedAt", "StateChangedAt", "SentAt", "AcknowledgedAt", "ClosedAt", "FirstRunId", "ClockOpen", "Revision",
            "FollowUpLevel", "FollowUpClockStart");
        _sightings = new PreparedInsert(connection, transaction, "AlertSightings", "AlertId", "LastSeenRunId", "LastSeenAsOf");
        _events = new PreparedInsert(connection, transaction, "AlertEvents",
            "Id", "AlertId", "At", "Actor", "Action", "FromState", "ToState", "Reason", "RunId");
        _deliveries = new PreparedInsert(connection, transaction, "Deliveries",
            "Id", "AlertId", "Kind", "Recipient", "Channel", "Address", "NoticeJson", "Digest", "BatchKey", "State", "Attempts",
            "CreatedAt", "NextAttemptAt", "SentAt", "LastError");
    }

    /// <summary>
    /// The ids SQLite's AUTOINCREMENT would give the next alert event and the next delivery inserted without one:
    /// one past the largest the table has ever held.
    /// </summary>
    public (long AlertEvent, long Delivery) NextIds()
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = NextIdsQuery;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The alert and its sighting, as EF stores an alert with the sighting it owns.</summary>
    public void Insert(AlertRow alert)
    {
        _alerts.Run(
            Given(alert.Id, "Alerts"), alert.Key, alert.Rule, (int)alert.Severity, alert.Subject, alert.Unit, alert.Message, alert.Basis,
            alert.EvidenceJson, StoredValues.Date(alert.OccurredOn), alert.Fingerprint, alert.State,
            StoredValues.Instant(alert.CreatedAt), StoredValues.Instant(alert.StateChangedAt), StoredValues.InstantOrNull(alert.SentAt),
            StoredValues.InstantOrNull(alert.AcknowledgedAt), StoredValues.InstantOrNull(alert.ClosedAt), alert.FirstRunId,
            StoredValues.OrNull(alert.ClockOpen), alert.Revision, alert.FollowUpLevel, StoredValues.InstantOrNull(alert.FollowUpClockStart));
        _sightings.Run(alert.Id, alert.Sighting.LastSeenRunId, StoredValues.Date(alert.Sighting.LastSeenAsOf));
    }

    public void Insert(AlertEventRow alertEvent) => _events.Run(
        Given(alertEvent.Id, "AlertEvents"), alertEvent.AlertId, StoredValues.Instant(alertEvent.At), alertEvent.Actor,
        alertEvent.Action, alertEvent.FromState, alertEvent.ToState, alertEvent.Reason, StoredValues.OrNull(alertEvent.RunId));

    public void Insert(DeliveryRow delivery) => _deliveries.Run(
        Given(delivery.Id, "Deliveries"), delivery.AlertId, delivery.Kind, delivery.Recipient, delivery.Channel, delivery.Address,
        delivery.NoticeJson, delivery.Digest, StoredValues.OrNull(delivery.BatchKey), delivery.State, delivery.Attempts,
        StoredValues.Instant(delivery.CreatedAt), StoredValues.Instant(delivery.NextAttemptAt),
        StoredValues.InstantOrNull(delivery.SentAt), StoredValues.OrNull(delivery.LastError));

    public void Dispose()
    {
        _alerts.Dispose();
        _sightings.Dispose();
        _events.Dispose();
        _deliveries.Dispose();
    }

    // Id 0 would be stored as rowid 0 rather than numbered by SQLite: a row without its id is the caller's mistake.
    private static long Given(long id, string table) =>
        id > 0 ? id : throw new ArgumentException($"A row for {table} written in bulk must carry the id it was handed out; it has {id}.");
}
