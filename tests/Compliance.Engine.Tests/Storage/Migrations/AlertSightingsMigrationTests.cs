using Compliance.Engine.Alerts;
using Compliance.Engine.Findings;
using Compliance.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AlertSome = Compliance.Engine.Tests.Alerts.Some;

namespace Compliance.Engine.Tests.Storage.Migrations;

/// <summary>
/// A ledger the previous build left (last sightings in Alerts) opened by this one: it must hold what a ledger kept
/// by this build all along holds after the same runs, and go on from there the same way. The old ledger is made
/// from a new one's rows, put back in the previous model's form.
/// </summary>
public sealed class AlertSightingsMigrationTests : IDisposable
{
    private const string Previous = "_IncrementalRuns";

    private static readonly string[] Feeds = ["cases", "charges", "stages"];

    private readonly TempLedger _kept = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "compliance-ledger-" + Guid.NewGuid().ToString("N"));

    public AlertSightingsMigrationTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _kept.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void OpenFile_LedgerOfThePreviousModel_EveryRowAsANewLedgerHoldsIt()
    {
        var (day1, day2, _) = Days();
        var ledger = Ledger(_kept.Store);
        var first = ledger.RecordRun(day1, AlertSome.Monday);
        ledger.RecordRun(AlertSome.Since(first.RunId, day1.Findings, day2), AlertSome.Monday.AddDays(1));
        var path = PreviousModelCopyOf(_kept.File);

        var migrated = LedgerStore.OpenFile(path);

        LedgerTables.ShouldHoldTheSameAs(migrated, _kept.Store, ["Runs", "RunInputs", "Findings", "Alerts", "AlertSightings", "AlertEvents", "Deliveries"]);
        LedgerTables.Dump(migrated, "AlertSightings", "AlertId, LastSeenRunId, LastSeenAsOf").Should().Contain(
            "AlertId=1|LastSeenRunId=2|LastSeenAsOf=2025-11-04",
            "AlertId=2|LastSeenRunId=1|LastSeenAsOf=2025-11-03");
    }

    [Fact]
    public void OpenFile_LedgerOfThePreviousModel_NextIncrementalRunAsOnANewLedger()
    {
        var (day1, day2, day3) = Days();
        var kept = Ledger(_kept.Store);
        var first = kept.RecordRun(day1, AlertSome.Monday);
        var second = kept.RecordRun(AlertSome.Since(first.RunId, day1.Findings, day2), AlertSome.Monday.AddDays(1));
        var migrated = Ledger(LedgerStore.OpenFile(PreviousModelCopyOf(_kept.File)));
        var day3SinceDay2 = AlertSome.Since(second.RunId, day2.Findings, day3);

        var onKept = kept.RecordRun(day3SinceDay2, AlertSome.Monday.AddDays(2));
        var onMigrated = migrated.RecordRun(day3SinceDay2, AlertSome.Monday.AddDays(2));

        onMigrated.Should().Be(onKept);
        // charge:C2, unjudged on day 2 and gone on day 3, is found by the query for open alerts day 2 did not see.
        onKept.Closed.Should().Be(1);
        LedgerTables.AlertSide(migrated.Store).Should().Equal(LedgerTables.AlertSide(kept.Store));
    }

    [Fact]
    public void Down_ToThePreviousModel_LastSightingsBackInAlerts()
    {
        var (day1, day2, _) = Days();
        var ledger = Ledger(_kept.Store);
        var first = ledger.RecordRun(day1, AlertSome.Monday);
        ledger.RecordRun(AlertSome.Since(first.RunId, day1.Findings, day2), AlertSome.Monday.AddDays(1));
        var sightings = LedgerTables.Dump(_kept.Store, "AlertSightings", "AlertId AS Id, LastSeenRunId, LastSeenAsOf");

        using (var db = _kept.Store.CreateDb())
        {
            db.GetService<IMigrator>().Migrate(PreviousModel.MigrationEndingWith(db, Previous));
        }

        LedgerTables.Dump(_kept.Store, "Alerts", "Id, LastSeenRunId, LastSeenAsOf").Should().Equal(sightings);
        using var read = _kept.Store.CreateDb();
        read.Database.SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE name = 'AlertSightings'").Should().BeEmpty();
    }

    // Day 1: C1, C2, C3. Day 2: C1 unchanged, C2's subject unjudged, C3 gone, C4 new. Day 3: C2 judged and gone.
    private static (RunRecord Day1, RunRecord Day2, RunRecord Day3) Days()
    {
        Finding C(int n, DateOnly asOf) => AlertSome.Finding(subject: $"charge:C{n}", asOf: asOf);
        DateOnly d1 = new(2025, 11, 3), d2 = d1.AddDays(1), d3 = d1.AddDays(2);
        return (
            AlertSome.Run(d1, Feeds, C(1, d1), C(2, d1), C(3, d1)),
            AlertSome.Run(d2, Feeds, C(1, d2), C(4, d2)) with { Unjudged = new HashSet<string>(StringComparer.Ordinal) { "charge:C2" } },
            AlertSome.Run(d3, Feeds, C(1, d3), C(4, d3)));
    }

    private static AlertLedger Ledger(LedgerStore store) => new(store, new AlertRouting(AlertSome.Units), AlertSome.Plan());

    // A ledger at the previous migration holding the rows of the ledger at path, each alert with its sighting.
    private string PreviousModelCopyOf(string path)
    {
        SqliteConnection.ClearAllPools();
        var copy = Path.Combine(_folder, "previous.db");
        PreviousModel.Create(copy, Previous);
        using var connection = PreviousModel.OpenWith(copy, path);
        using (var tx = connection.BeginTransaction())
        {
            PreviousModel.CopyRunsWithTextSummaries(connection, tx);
            foreach (var table in new[] { "RunInputs", "Findings", "AlertEvents", "Deliveries" })
            {
                PreviousModel.Execute(connection, $"INSERT INTO main.{table} SELECT * FROM kept.{table}", tx);
            }
            var columns = string.Join(", ", PreviousModel.Columns(connection, "kept", "Alerts"));
            PreviousModel.Execute(connection,
                $"INSERT INTO main.Alerts ({columns}, LastSeenRunId, LastSeenAsOf) " +
                $"SELECT a.*, s.LastSeenRunId, s.LastSeenAsOf FROM kept.Alerts AS a JOIN kept.AlertSightings AS s ON s.AlertId = a.Id", tx);
            tx.Commit();
        }
        PreviousModel.Execute(connection, "DETACH DATABASE kept");
        PreviousModel.Columns(connection, "main", "Alerts").Should().Contain("LastSeenRunId", "the copy is in the previous model's form");
        SqliteConnection.ClearAllPools();
        return copy;
    }
}
