using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;

namespace Compliance.Engine.Tests.Storage;

public sealed class RunFindingsTests : IDisposable
{
    private readonly TempLedger _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Chain_IncrementalRuns_BackToTheRunStoredInFull()
    {
        var ledger = new AlertLedger(_temp.Store, new AlertRouting(Alerts.Some.Units), Alerts.Some.Plan());
        var one = Alerts.Some.Finding();
        var first = ledger.RecordRun(Alerts.Some.Run(one), Alerts.Some.Monday);
        var second = ledger.RecordRun(Alerts.Some.Since(first.RunId, [one], Alerts.Some.Run(one)), Alerts.Some.Monday);
        var third = ledger.RecordRun(Alerts.Some.Since(second.RunId, [one], Alerts.Some.Run()), Alerts.Some.Monday);

        using var db = _temp.Store.CreateDb();
        RunFindings.Chain(db, third.RunId).Should().Equal(third.RunId, second.RunId, first.RunId);
        RunFindings.Of(db, second.RunId).Should().ContainSingle().Which.RunId.Should().Be(first.RunId, "an unchanged finding is the base run's row");
        RunFindings.Of(db, third.RunId).Should().BeEmpty("the finding is recorded gone");
    }

    [Fact]
    public void Chain_UnknownRun_Throws()
    {
        using var db = _temp.Store.CreateDb();

        var act = () => RunFindings.Chain(db, 42);

        act.Should().Throw<InvalidOperationException>().WithMessage("*#42*");
    }
}
