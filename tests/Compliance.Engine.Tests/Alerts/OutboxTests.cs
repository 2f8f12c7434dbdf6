using Compliance.Engine.Alerts;
using Compliance.Engine.Tests.Storage;

namespace Compliance.Engine.Tests.Alerts;

public sealed class OutboxTests : IDisposable
{
    private readonly TempLedger _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MarkSent_EveryChannelAccepted_AlertIsSent()
    {
        Ledger().RecordRun(Some.Run(Some.Finding(unit: "U01")), Some.Monday);
        var outbox = NewOutbox();
        outbox.Batch(Some.Monday, flushDigests: false);
        var batches = outbox.Due(Some.Monday);
        batches.Should().HaveCount(2);

        outbox.MarkSent(batches[0].Key, Some.Monday);
        StateOfOnlyAlert().Should().Be(AlertState.Pending, "one channel has not accepted yet");
        outbox.MarkSent(batches[1].Key, Some.Monday);

        StateOfOnlyAlert().Should().Be(AlertState.Sent);
        outbox.Due(Some.Monday).Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MarkFailed_OtherChannelAccepted_AlertIsSentWhicheverCameFirst(bool acceptedFirst)
    {
        Ledger().RecordRun(Some.Run(Some.Finding(unit: "U01")), Some.Monday);
        var outbox = NewOutbox();
        outbox.Batch(Some.Monday, flushDigests: false);
        var batches = outbox.Due(Some.Monday);
        batches.Should().HaveCount(2);

        if (acceptedFirst)
        {
            outbox.MarkSent(batches[0].Key, Some.Monday);
            outbox.MarkFailed(batches[1].Key, "connection refused", Some.Monday, maxAttempts: 1, TimeSpan.FromMinutes(1));
        }
        else
        {
            outbox.MarkFailed(batches[1].Key, "connection refused", Some.Monday, maxAttempts: 1, TimeSpan.FromMinutes(1));
            outbox.MarkSent(batches[0].Key, Some.Monday);
        }

        StateOfOnlyAlert().Should().Be(AlertState.Sent, "the unit got the notice by one of its channels");
        using var db = _temp.Store.CreateDb();
        db.AlertEvents.Single(e => e.Action == "sent").Reason.Should().Be("通知已由部分渠道送达，其余渠道投递失败");
    }

    [Fact]
    public void MarkFailed_EveryChannelGaveUp_AlertStaysPending()
    {
        Ledger().RecordRun(Some.Run(Some.Finding(unit: "U01")), Some.Monday);
        var outbox = NewOutbox();
        outbox.Batch(Some.Monday, flushDigests: false);

        foreach (var batch in outbox.Due(Some.Monday))
        {
            outbox.MarkFailed(batch.Key, "connection refused", Some.Monday, maxAttempts: 1, TimeSpan.FromMinutes(1));
        }

        StateOfOnlyAlert().Should().Be(AlertState.Pending);
    }

    [Fact]
    public void Due_AfterACrashBeforeMarking_OffersTheSameMessageUnderTheSameKey()
    {
        Ledger().RecordRun(Some.Run(Some.Finding()), Some.Monday);
        var outbox = NewOutbox();
        outbox.Batch(Some.Monday, flushDigests: false);
        var first = outbox.Due(Some.Monday).Single();

        outbox.Batch(Some.Monday.AddMinutes(1), flushDigests: false);
        var again = outbox.Due(Some.Monday.AddMinutes(1)).Single();

        again.Key.Should().Be(first.Key);
        again.Notices.Single().Should().BeEquivalentTo(first.Notices.Single());
    }

    [Fact]
    public void MarkFailed_WaitsWithDoublingPausesThenGivesUp()
    {
        Ledger().RecordRun(Some.Run(Some.Finding()), Some.Monday);
        var outbox = NewOutbox();
        outbox.Batch(Some.Monday, flushDigests: false);
        var key = outbox.Due(Some.Monday).Single().Key;

        outbox.MarkFailed(key, "connection refused", Some.Monday, maxAttempts: 3, TimeSpan.FromMinutes(1));
        outbox.Due(Some.Monday.AddSeconds(59)).Should().BeEmpty();
        outbox.Due(Some.Monday.AddMinutes(1)).Single().Attempts.Should().Be(1);
        outbox.MarkFailed(key, "connection refused", Some.Monday.AddMinutes(1), maxAttempts: 3, TimeSpan.FromMinutes(1));
        outbox.Due(Some.Monday.AddMinutes(2)).Should().BeEmpty("the second pause is two minutes");
        outbox.MarkFailed(key, "connection refused", Some.Monday.AddMinutes(3), maxAttempts: 3, TimeSpan.FromMinutes(1));

        outbox.Due(Some.Monday.AddDays(1)).Should().OnlyContain(b => b.Recipient == "U00", "what is left is the office's message about it");
        using var db = _temp.Store.CreateDb();
        var notice = db.Deliveries.Single(d => d.Kind == DeliveryChannels.Notice);
        notice.State.Should().Be(DeliveryChannels.Failed);
        notice.LastError.Should().Be("connection refused");
    }

    [Fact]
    public void Batch_DigestUnit_HoldsNoticesUntilTheDigestThenSendsOneMessage()
    {
        var ledger = new AlertLedger(_temp.Store, new AlertRouting(Some.Units), Some.Plan(digest: true) with { Webhook = false });
        ledger.RecordRun(Some.Run(Some.Finding(subject: "charge:C1"), Some.Finding(subject: "charge:C2"), Some.Finding(subject: "charge:C3")), Some.Monday);
        var outbox = NewOutbox();

        outbox.Batch(Some.Monday, flushDigests: false);
        outbox.Due(Some.Monday).Should().BeEmpty();
        outbox.Batch(Some.Monday, flushDigests: true);

        var digest = outbox.Due(Some.Monday).Single();
        digest.Key.Should().StartWith("digest-20251103-U0101-email-");
        digest.Notices.Select(n => n.Subject).Should().Equal("charge:C1", "charge:C2", "charge:C3");
    }

    [Fact]
    public void MarkFailed_LastAttemptToAUnit_OneMessageToTheOfficePerOfficeChannelNamingUnitAlertChannelAndError()
    {
        Ledger().RecordRun(Some.Run(Some.Finding(unit: "U0101")), Some.Monday);
        var outbox = NewOutbox();
        outbox.Batch(Some.Monday, flushDigests: false);
        var key = outbox.Due(Some.Monday).Single().Key;

        outbox.MarkFailed(key, "554 refused", Some.Monday, maxAttempts: 2, TimeSpan.FromMinutes(1)).Should().BeNull("one attempt is left");
        var failure = outbox.MarkFailed(key, "554 mailbox unavailable", Some.Monday.AddMinutes(1), maxAttempts: 2, TimeSpan.FromMinutes(1));

        failure.Should().NotBeNull();
        failure!.Recipient.Should().Be("U0101");
        failure.Office.Should().Be("U00");
        failure.OfficeKeys.Should().Equal("undelivered-email-notice-1");
        failure.AlertIds.Should().Equal(1L);
        var toOffice = outbox.Due(Some.Monday.AddMinutes(1)).Single();
        toOffice.Key.Should().Be("undelivered-email-notice-1");
        toOffice.Recipient.Should().Be("U00");
        toOffice.Address.Should().Be("office@example.gov");
        var notice = toOffice.Notices.Single();
        notice.AlertId.Should().Be(1);
        notice.Kind.Should().Be("new", "the office is told which notice did not arrive");
        notice.Undelivered.Should().BeEquivalentTo(new DeliveryFailure
        {
            Recipient = "U0101",
            RecipientName = "城东分局",
            Channel = DeliveryChannels.Email,
            Address = "u0101@example.gov",
            Attempts = 2,
            Error = "554 mailbox unavailable",
            MessageKey = key,
        });
        StateOfOnlyAlert().Should().Be(AlertState.Pending);
    }

    [Fact]
    public void MarkFailed_GivenUpMessageReportedAgain_NoSecondMessageToTheOffice()
    {
        Ledger().RecordRun(Some.Run(Some.Finding(unit: "U0101")), Some.Monday);
        var outbox = NewOutbox();
        outbox.Batch(Some.Monday, flushDigests: false);
        var key = outbox.Due(Some.Monday).Single().Key;
        outbox.MarkFailed(key, "554", Some.Monday, maxAttempts: 1, TimeSpan.FromMinutes(1));

        // A host that died after the transaction committed but before it logged reports the same failure again.
        outbox.MarkFailed(key, "554", Some.Monday.AddMinutes(1), maxAttempts: 1, TimeSpan.FromMinutes(1)).Should().BeNull();

        using var db = _temp.Store.CreateDb();
        db.Deliveries.Count(d => d.Kind == DeliveryChannels.Undelivered).Should().Be(1);
    }

    [Fact]
    public void MarkFailed_TheOfficesOwnFailureMessageFails_NotReroutedAgain()
    {
        Ledger().RecordRun(Some.Run(Some.Finding(unit: "U0101")), Some.Monday);
        var outbox = NewOutbox();
        outbox.Batch(Some.Monday, flushDigests: false);
        outbox.MarkFailed(outbox.Due(Some.Monday).Single().Key, "554", Some.Monday, maxAttempts: 1, TimeSpan.FromMinutes(1));
        var toOffice = outbox.Due(Some.Monday).Single().Key;

        var failure = outbox.MarkFailed(toOffice, "office mail down", Some.Monday, maxAttempts: 1, TimeSpan.FromMinutes(1));

        failure!.Office.Should().BeNull();
        failure.OfficeKeys.Should().BeEmpty();
        outbox.Batch(Some.Monday.AddDays(1), flushDigests: true);
        outbox.Due(Some.Monday.AddDays(1)).Should().BeEmpty();
        using var db = _temp.Store.CreateDb();
        db.Deliveries.Select(d => d.Kind + " " + d.State).ToList().Should().Equal("notice failed", "undelivered failed");
    }

    [Fact]
    public void MarkFailed_NoticeAlreadyAddressedToTheOffice_NotReroutedToItself()
    {
        Ledger().RecordRun(Some.Run(Some.Finding(unit: "U99")), Some.Monday);
        var outbox = NewOutbox();
        outbox.Batch(Some.Monday, flushDigests: false);
        var batch = outbox.Due(Some.Monday).Single();
        batch.Recipient.Should().Be("U00");

        var failure = outbox.MarkFailed(batch.Key, "554", Some.Monday, maxAttempts: 1, TimeSpan.FromMinutes(1));

        failure!.Office.Should().BeNull();
        outbox.Due(Some.Monday.AddDays(1)).Should().BeEmpty();
    }

    [Fact]
    public void MarkFailed_DigestGivenUp_OneOfficeMessageCarryingEachNotice()
    {
        var ledger = new AlertLedger(_temp.Store, new AlertRouting(Some.Units), Some.Plan(digest: true) with { Webhook = false });
        ledger.RecordRun(Some.Run(Some.Finding(subject: "charge:C1"), Some.Finding(subject: "charge:C2")), Some.Monday);
        var outbox = NewOutbox(Some.Plan(digest: true) with { Webhook = false });
        outbox.Batch(Some.Monday, flushDigests: true);
        var digest = outbox.Due(Some.Monday).Single();

        outbox.MarkFailed(digest.Key, "554", Some.Monday, maxAttempts: 1, TimeSpan.FromMinutes(1));

        var toOffice = outbox.Due(Some.Monday).Single();
        toOffice.Key.Should().Be("undelivered-email-" + digest.Key, "the office's message goes at once, not in the office's own digest");
        toOffice.Notices.Select(n => n.Subject).Should().Equal("charge:C1", "charge:C2");
        toOffice.Notices.Should().OnlyContain(n => n.Undelivered!.MessageKey == digest.Key);
    }

    private AlertLedger Ledger() => new(_temp.Store, new AlertRouting(Some.Units), Some.Plan());

    private Outbox NewOutbox(DeliveryPlan? plan = null) => new(_temp.Store, new AlertRouting(Some.Units), plan ?? Some.Plan());

    private string StateOfOnlyAlert()
    {
        using var db = _temp.Store.CreateDb();
        return db.Alerts.Single().State;
    }
}
