using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;
using Compliance.Engine.Tests.Storage;

namespace Compliance.Engine.Tests.Alerts;

public sealed class AlertLedgerFailedRunTests : IDisposable
{
    private readonly TempLedger _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RecordFailure_FirstFailure_StoredAsAFailedRunWithItsErrorAndInputs()
    {
        var failure = Some.Failure();

        var outcome = Ledger().RecordFailure(failure, Some.Monday);

        using var db = _temp.Store.CreateDb();
        var run = db.Runs.Single();
        run.Id.Should().Be(outcome.RunId);
        run.State.Should().Be(RunState.Failed);
        run.Error.Should().Be(failure.Error);
        run.InputsHash.Should().Be(failure.InputsHash);
        run.Trigger.Should().Be("daily");
        run.FindingCount.Should().Be(0);
        run.Feeds.Should().Be("charges");
        db.RunInputs.Select(i => i.Name + "|" + i.Sha256).Should().Equal("charges.csv|" + new string('b', 64));
        db.Findings.Should().BeEmpty();
        db.Alerts.Should().BeEmpty();
    }

    [Fact]
    public void RecordFailure_FirstFailure_OneMessageToTheOfficePerOfficeChannelNamingRuleSetAndError()
    {
        var failure = Some.Failure();

        var outcome = Ledger().RecordFailure(failure, Some.Monday);

        outcome.Repeated.Should().BeFalse();
        outcome.Office.Should().Be("U00");
        outcome.OfficeKeys.Should().Equal($"run-failed-email-2026-01+3f2a9c1e-{failure.InputsHash[..16]}");
        var batch = new Outbox(_temp.Store, Routing(), Some.Plan()).Due(Some.Monday).Single();
        batch.Key.Should().Be(outcome.OfficeKeys[0], "the office hears at once, not in its digest");
        batch.Recipient.Should().Be("U00");
        batch.Address.Should().Be("office@example.gov");
        var notice = batch.Notices.Single();
        notice.Kind.Should().Be(DeliveryChannels.RunFailed);
        notice.AlertId.Should().Be(0);
        notice.RunFailed!.RunId.Should().Be(outcome.RunId);
        notice.RunFailed.RuleSet.Should().Be("2026-01+3f2a9c1e");
        notice.RunFailed.Trigger.Should().Be("daily");
        notice.RunFailed.Error.Should().Be(failure.Error);
    }

    [Fact]
    public void RecordFailure_SameRuleSetAndInputsFailingAgain_StoredButTheOfficeIsNotToldAgain()
    {
        var ledger = Ledger();
        ledger.RecordFailure(Some.Failure(trigger: "inbox"), Some.Monday);

        var again = ledger.RecordFailure(Some.Failure(startedAt: Some.Monday.AddDays(1)), Some.Monday.AddDays(1));

        again.Repeated.Should().BeTrue();
        again.OfficeKeys.Should().BeEmpty();
        using var db = _temp.Store.CreateDb();
        db.Runs.Select(r => r.State).Should().Equal(RunState.Failed, RunState.Failed);
        db.Deliveries.Should().ContainSingle();
    }

    [Theory]
    [InlineData("0a0a0a0a", 'b')]
    [InlineData("3f2a9c1e", 'c')]
    public void RecordFailure_OtherRuleSetOrOtherInputs_TheOfficeIsToldOfTheNewFailure(string ruleSetHash, char sha)
    {
        var ledger = Ledger();
        ledger.RecordFailure(Some.Failure(), Some.Monday);

        var other = ledger.RecordFailure(Some.Failure(ruleSetHash, sha), Some.Monday.AddDays(1));

        other.Repeated.Should().BeFalse();
        other.OfficeKeys.Should().ContainSingle();
        using var db = _temp.Store.CreateDb();
        db.Deliveries.Select(d => d.BatchKey).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public void RecordRun_AfterAFailedRun_StillStoredAsChangesAgainstTheLastCompletedRun()
    {
        var ledger = Ledger();
        var day1 = Some.Run(Some.Finding(subject: "charge:C1"), Some.Finding(subject: "charge:C2"));
        var first = ledger.RecordRun(day1, Some.Monday);
        ledger.RecordFailure(Some.Failure(), Some.Monday.AddHours(1));

        var second = ledger.RecordRun(Some.Since(first.RunId, day1.Findings, Some.Run(Some.Finding(subject: "charge:C1"))), Some.Monday.AddDays(1));

        second.BaseRunId.Should().Be(first.RunId, "a failed run moved no alert, so the last completed run is still the base");
        second.Stored.Should().Be(1);
        second.Closed.Should().Be(1);
    }

    [Fact]
    public void MarkFailed_TheOfficesRunFailedMessageGivenUp_NotReroutedAgain()
    {
        var outcome = Ledger().RecordFailure(Some.Failure(), Some.Monday);
        var outbox = new Outbox(_temp.Store, Routing(), Some.Plan());

        var given = outbox.MarkFailed(outcome.OfficeKeys[0], "554 refused", Some.Monday, maxAttempts: 1, TimeSpan.FromMinutes(1));

        given!.OfficeKeys.Should().BeEmpty();
        using var db = _temp.Store.CreateDb();
        db.Deliveries.Select(d => d.Kind + " " + d.State).Should().Equal("run-failed failed");
    }

    private static AlertRouting Routing() => new(Some.Units);

    private AlertLedger Ledger() => new(_temp.Store, Routing(), Some.Plan());
}
