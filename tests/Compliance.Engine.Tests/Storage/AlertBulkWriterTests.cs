using Compliance.Engine.Catalog;
using Compliance.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Compliance.Engine.Tests.Storage;

public sealed class AlertBulkWriterTests : IDisposable
{
    // Not UTC, as the host's clock may give it: an instant stored as local rather than UTC ticks shows.
    private static readonly DateTimeOffset Monday = new(2025, 11, 3, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly TempLedger _ledger = new();

    public void Dispose() => _ledger.Dispose();

    [Fact]
    public void Insert_EveryFieldSet_ReadBackThroughTheModel()
    {
        Write(bulk =>
        {
            bulk.Insert(Alert(7));
            bulk.Insert(Event(3, alertId: 7));
            bulk.Insert(Delivery(5, alertId: 7));
        });

        using var db = _ledger.Store.CreateDb();
        db.Alerts.Single().Should().BeEquivalentTo(Alert(7));
        db.AlertEvents.Single().Should().BeEquivalentTo(Event(3, alertId: 7));
        db.Deliveries.Single().Should().BeEquivalentTo(Delivery(5, alertId: 7));
        // Dates and instants compare in SQL as the model's own rows do.
        db.Alerts.Count(a => a.Sighting.LastSeenAsOf >= new DateOnly(2025, 11, 4) && a.SentAt > Monday && a.ClockOpen == true).Should().Be(1);
        db.Deliveries.Count(d => d.NextAttemptAt <= Monday.AddMinutes(5) && d.Digest).Should().Be(1);
    }

    [Fact]
    public void Insert_NullableFieldsEmpty_ReadBackAsNull()
    {
        var alert = WithNulls(Alert(1));
        alert.ClockOpen = null;
        var alertEvent = Event(1, alertId: 1);
        alertEvent.RunId = null;
        var delivery = Delivery(1, alertId: 1);
        delivery.BatchKey = null;
        delivery.SentAt = null;
        delivery.LastError = null;

        Write(bulk =>
        {
            bulk.Insert(alert);
            bulk.Insert(alertEvent);
            bulk.Insert(delivery);
        });

        using var db = _ledger.Store.CreateDb();
        db.Alerts.Single().Should().BeEquivalentTo(alert);
        db.AlertEvents.Single().Should().BeEquivalentTo(alertEvent);
        db.Deliveries.Single().Should().BeEquivalentTo(delivery);
    }

    [Fact]
    public void Insert_SameRowsAsChangeTracking_StoredIdentically()
    {
        using var tracked = new TempLedger();
        using (var db = tracked.Store.CreateDb())
        {
            db.Alerts.AddRange(Alert(1), WithNulls(Alert(2)));
            db.AlertEvents.AddRange(Event(1, alertId: 1), Event(2, alertId: 2, runId: null));
            db.Deliveries.AddRange(Delivery(1, alertId: 1), Delivery(2, alertId: 2, digest: false, sent: false));
            db.SaveChanges();
        }

        Write(bulk =>
        {
            bulk.Insert(Alert(1));
            bulk.Insert(WithNulls(Alert(2)));
            bulk.Insert(Event(1, alertId: 1));
            bulk.Insert(Event(2, alertId: 2, runId: null));
            bulk.Insert(Delivery(1, alertId: 1));
            bulk.Insert(Delivery(2, alertId: 2, digest: false, sent: false));
        });

        foreach (var table in new[] { "Alerts", "AlertSightings", "AlertEvents", "Deliveries" })
        {
            LedgerTables.Stored(_ledger.Store, table).Should().Equal(LedgerTables.Stored(tracked.Store, table), "{0} are stored as EF stores them", table);
        }
    }

    [Fact]
    public void NextIds_EmptyLedger_One()
    {
        using var db = _ledger.Store.CreateDb();
        using var tx = db.Database.BeginTransaction();
        using var bulk = new AlertBulkWriter(db.Database.GetDbConnection(), tx.GetDbTransaction());

        bulk.NextIds().Should().Be((1L, 1L));
    }

    [Fact]
    public void NextIds_AfterRowsWereInsertedAndTheLastRemoved_OnePastTheLargestEver()
    {
        using (var db = _ledger.Store.CreateDb())
        {
            db.AlertEvents.AddRange(Event(0, alertId: 1), Event(0, alertId: 1), Event(0, alertId: 1));
            db.Deliveries.Add(Delivery(0, alertId: 1));
            db.SaveChanges();
            // AUTOINCREMENT never hands out an id again, even one whose row is gone.
            db.Database.ExecuteSql($"DELETE FROM AlertEvents WHERE Id = 3");
        }

        using (var db = _ledger.Store.CreateDb())
        {
            using var tx = db.Database.BeginTransaction();
            using var bulk = new AlertBulkWriter(db.Database.GetDbConnection(), tx.GetDbTransaction());

            bulk.NextIds().Should().Be((4L, 2L));
        }
    }

    [Fact]
    public void Insert_TransactionNotCommitted_LeavesNothing()
    {
        using (var db = _ledger.Store.CreateDb())
        {
            using var tx = db.Database.BeginTransaction();
            using var bulk = new AlertBulkWriter(db.Database.GetDbConnection(), tx.GetDbTransaction());
            bulk.Insert(Alert(1));
            bulk.Insert(Event(1, alertId: 1));
            bulk.Insert(Delivery(1, alertId: 1));
        }

        using var read = _ledger.Store.CreateDb();
        read.Alerts.Count().Should().Be(0);
        read.AlertEvents.Count().Should().Be(0);
        read.Deliveries.Count().Should().Be(0);
        LedgerTables.Dump(_ledger.Store, "AlertSightings").Should().BeEmpty();
    }

    [Fact]
    public void Insert_RowWithoutId_Refused()
    {
        var act = () => Write(bulk => bulk.Insert(Event(0, alertId: 1)));

        act.Should().Throw<ArgumentException>().WithMessage("*AlertEvents*id*");
    }

    private void Write(Action<AlertBulkWriter> write)
    {
        using var db = _ledger.Store.CreateDb();
        using var tx = db.Database.BeginTransaction();
        using (var bulk = new AlertBulkWriter(db.Database.GetDbConnection(), tx.GetDbTransaction()))
        {
            write(bulk);
        }
        tx.Commit();
    }

    // Every field differs from its type's default, so a column left out or stored in another form shows.
    private static AlertRow Alert(long id) => new()
    {
        Id = id,
        Key = $"case-clock|case:XK-{id}",
        Rule = "case.overdue-statutory",
        Severity = Severity.Red,
        Subject = $"case:XK-{id}",
        Unit = "U0101",
        Message = "办件XK-1已用32个工作日，超过法定时限（30个工作日）2个工作日",
        Basis = "《中华人民共和国行政许可法》第四十二条",
        EvidenceJson = "{\"used\":32,\"open\":true}",
        OccurredOn = new DateOnly(2025, 10, 31),
        Fingerprint = "9414223f194fa4c6ebe7",
        State = "acknowledged",
        CreatedAt = Monday,
        StateChangedAt = Monday.AddHours(3),
        SentAt = Monday.AddHours(1),
        AcknowledgedAt = Monday.AddHours(2),
        ClosedAt = Monday.AddDays(3),
        FirstRunId = 2,
        Sighting = new AlertSighting { LastSeenRunId = 4, LastSeenAsOf = new DateOnly(2025, 11, 5) },
        ClockOpen = true,
        Revision = 3,
        FollowUpLevel = 2,
        FollowUpClockStart = Monday.AddHours(2),
    };

    private static AlertRow WithNulls(AlertRow alert)
    {
        alert.SentAt = null;
        alert.AcknowledgedAt = null;
        alert.ClosedAt = null;
        alert.FollowUpClockStart = null;
        alert.ClockOpen = false;
        return alert;
    }

    private static AlertEventRow Event(long id, long alertId, long? runId = 4) => new()
    {
        Id = id,
        AlertId = alertId,
        At = Monday.AddMinutes(id),
        Actor = "system",
        Action = "created",
        FromState = "",
        ToState = "pending",
        Reason = "运行 #4 发现：办件XK-1已超期",
        RunId = runId,
    };

    private static DeliveryRow Delivery(long id, long alertId, bool digest = true, bool sent = true) => new()
    {
        Id = id,
        AlertId = alertId,
        Kind = "notice",
        Recipient = "U0101",
        Channel = "webhook",
        Address = "http://127.0.0.1/u0101",
        NoticeJson = "{\"alertId\":1,\"kind\":\"new\"}",
        Digest = digest,
        BatchKey = sent ? "digest-20251103-U0101-webhook-1" : null,
        State = sent ? "sent" : "pending",
        Attempts = sent ? 2 : 0,
        CreatedAt = Monday,
        NextAttemptAt = Monday.AddMinutes(5),
        SentAt = sent ? Monday.AddMinutes(6) : null,
        LastError = sent ? "timeout" : null,
    };
}
