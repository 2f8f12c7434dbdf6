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
        var outbox = new Outbox(_temp.Store);
        outbox.Batch(Some.Monday, flushDigests: false);
        var batches = outbox.Due(Some.Monday);
        batches.Should().HaveCount(2);

        outbox.MarkSent(batches[0].Key, Some.Monday);
        StateOfOnlyAlert().Should().Be(AlertState.Pending, "one channel has not accepted yet");
        outbox.MarkSent(batches[1].Key, Some.Monday);

        StateOfOnlyAlert().Should().Be(AlertState.Sent);
        outbox.Due(Some.Monday).Should().BeEmpty();
    }

    [Fact]
    public void Due_AfterACrashBeforeMarking_OffersTheSameMessageUnderTheSameKey()
    {
        Ledger().RecordRun(Some.Run(Some.Finding()), Some.Monday);
        var outbox = new Outbox(_temp.Store);
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
        var outbox = new Outbox(_temp.Store);
        outbox.Batch(Some.Monday, flushDigests: false);
        var key = outbox.Due(Some.Monday).Single().Key;

        outbox.MarkFailed(key, "connection refused", Some.Monday, maxAttempts: 3, TimeSpan.FromMinutes(1));
        outbox.Due(Some.Monday.AddSeconds(59)).Should().BeEmpty();
        outbox.Due(Some.Monday.AddMinutes(1)).Single().Attempts.Should().Be(1);
        outbox.MarkFailed(key, "connection refused", Some.Monday.AddMinutes(1), maxAttempts: 3, TimeSpan.FromMinutes(1));
        outbox.Due(Some.Monday.AddMinutes(2)).Should().BeEmpty("the second pause is two minutes");
        outbox.MarkFailed(key, "connection refused", Some.Monday.AddMinutes(3), maxAttempts: 3, TimeSpan.FromMinutes(1));

        outbox.Due(Some.Monday.AddDays(1)).Should().BeEmpty();
        using var db = _temp.Store.CreateDb();
        db.Deliveries.Single().State.Should().Be(DeliveryChannels.Failed);
        db.Deliveries.Single().LastError.Should().Be("connection refused");
    }

    [Fact]
    public void Batch_DigestUnit_HoldsNoticesUntilTheDigestThenSendsOneMessage()
    {
        var ledger = new AlertLedger(_temp.Store, new AlertRouting(Some.Units), Some.Plan(digest: true) with { Webhook = false });
        ledger.RecordRun(Some.Run(Some.Finding(subject: "charge:C1"), Some.Finding(subject: "charge:C2"), Some.Finding(subject: "charge:C3")), Some.Monday);
        var outbox = new Outbox(_temp.Store);

        outbox.Batch(Some.Monday, flushDigests: false);
        outbox.Due(Some.Monday).Should().BeEmpty();
        outbox.Batch(Some.Monday, flushDigests: true);

        var digest = outbox.Due(Some.Monday).Single();
        digest.Key.Should().StartWith("digest-20251103-U0101-email-");
        digest.Notices.Select(n => n.Subject).Should().Equal("charge:C1", "charge:C2", "charge:C3");
    }

    private AlertLedger Ledger() => new(_temp.Store, new AlertRouting(Some.Units), Some.Plan());

    private string StateOfOnlyAlert()
    {
        using var db = _temp.Store.CreateDb();
        return db.Alerts.Single().State;
    }
}
