using System.Text;
using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;
using Microsoft.EntityFrameworkCore;
using AlertSome = Compliance.Engine.Tests.Alerts.Some;
using FindingsSome = Compliance.Engine.Tests.Findings.Some;

namespace Compliance.Engine.Tests.Storage;

/// <summary>A run's summary.json through the ledger: stored packed, read back through the model as the run wrote it.</summary>
public sealed class RunSummaryTests : IDisposable
{
    private readonly TempLedger _ledger = new();

    public void Dispose() => _ledger.Dispose();

    [Fact]
    public void RecordRun_SummaryOfSixHundredThousandIds_ReadBackIdenticalAndStoredPacked()
    {
        var summary = FindingsSome.Summary(orphanCharges: 600_000, calendarMissing: 50_000);
        var ledger = new AlertLedger(_ledger.Store, new AlertRouting(AlertSome.Units), AlertSome.Plan());

        var run = ledger.RecordRun(AlertSome.Run(AlertSome.Finding()) with { SummaryJson = summary }, AlertSome.Monday);

        using var db = _ledger.Store.CreateDb();
        db.Runs.AsNoTracking().Single(r => r.Id == run.RunId).SummaryJson.Should().Be(summary);
        db.Database.SqlQuery<string>($"SELECT typeof(Summary) AS Value FROM Runs").Should().Equal("blob");
        db.Database.SqlQuery<long>($"SELECT length(Summary) AS Value FROM Runs").Single()
            .Should().BeLessThan(Encoding.UTF8.GetByteCount(summary) / 5);
    }

    [Fact]
    public void RecordRun_TwoRuns_EachReadsBackItsOwnSummary()
    {
        var ledger = new AlertLedger(_ledger.Store, new AlertRouting(AlertSome.Units), AlertSome.Plan());
        var day1 = FindingsSome.Summary(orphanCharges: 3);
        var day2 = FindingsSome.Summary(orphanCharges: 4, asOf: new DateOnly(2025, 11, 4));

        var first = ledger.RecordRun(AlertSome.Run(AlertSome.Finding()) with { SummaryJson = day1 }, AlertSome.Monday);
        var second = ledger.RecordRun(AlertSome.Run(AlertSome.Finding()) with { SummaryJson = day2 }, AlertSome.Monday.AddDays(1));

        using var db = _ledger.Store.CreateDb();
        db.Runs.OrderBy(r => r.Id).Select(r => new { r.Id, r.SummaryJson }).ToList()
            .Should().Equal([new { Id = first.RunId, SummaryJson = day1 }, new { Id = second.RunId, SummaryJson = day2 }]);
    }
}
