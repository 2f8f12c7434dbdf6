using Compliance.Engine.Alerts;
using Compliance.Engine.Tests.Storage;

namespace Compliance.Engine.Tests.Alerts;

public sealed class UndeliveredNoticesTests : IDisposable
{
    private readonly TempLedger _temp = new();
    private readonly AlertLedger _ledger;
    private readonly Outbox _outbox;

    public UndeliveredNoticesTests()
    {
        var routing = new AlertRouting(Some.Units);
        _ledger = new AlertLedger(_temp.Store, routing, Some.Plan());
        _outbox = new Outbox(_temp.Store, routing, Some.Plan());
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Among_PendingAlertWhoseNoticeWasGivenUp_Marked()
    {
        _ledger.RecordRun(Some.Run(Some.Finding(subject: "charge:C1"), Some.Finding(subject: "charge:C2")), Some.Monday);
        GiveUpOn("charge:C1", Some.Monday);

        using var db = _temp.Store.CreateDb();
        var alerts = db.Alerts.OrderBy(a => a.Id).ToList();
        var marked = UndeliveredNotices.Among(db, alerts);

        marked.Should().Equal(alerts[0].Id);
        UndeliveredNotices.StateToChinese(alerts[0].State, marked.Contains(alerts[0].Id)).Should().Be("待发（投递失败）");
        UndeliveredNotices.StateToChinese(alerts[1].State, marked.Contains(alerts[1].Id)).Should().Be("待发");
    }

    [Fact]
    public void Among_FailureBeforeTheAlertWasClosedAndReopened_NotMarked()
    {
        var monday = new DateOnly(2025, 11, 3);
        _ledger.RecordRun(Some.Run(monday, ["charges"], Some.Finding()), Some.Monday);
        GiveUpOn("charge:C1", Some.Monday);
        _ledger.RecordRun(Some.Run(monday.AddDays(1), ["charges"]), Some.Monday.AddDays(1));
        _ledger.RecordRun(Some.Run(monday.AddDays(2), ["charges"], Some.Finding(asOf: monday.AddDays(2))), Some.Monday.AddDays(2));

        using var db = _temp.Store.CreateDb();
        var alert = db.Alerts.Single();
        alert.State.Should().Be(AlertState.Pending, "the alert was reopened");
        UndeliveredNotices.Among(db, [alert]).Should().BeEmpty("the failed notice belongs to the alert's earlier round");
    }

    private void GiveUpOn(string subject, DateTimeOffset now)
    {
        _outbox.Batch(now, flushDigests: false);
        foreach (var batch in _outbox.Due(now).Where(b => b.Notices.Any(n => n.Subject == subject)))
        {
            _outbox.MarkFailed(batch.Key, "554", now, maxAttempts: 1, TimeSpan.FromMinutes(1));
        }
    }
}
