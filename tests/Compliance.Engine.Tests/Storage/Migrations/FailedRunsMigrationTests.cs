using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AlertSome = Compliance.Engine.Tests.Alerts.Some;

namespace Compliance.Engine.Tests.Storage.Migrations;

/// <summary>
/// A ledger the previous build left (no run state: every run it stored completed) opened by this one: its runs read
/// as completed and it holds what a ledger kept by this build all along holds after the same runs. Down takes the
/// failed runs and their office messages out, which the previous build would misread, and the columns with them.
/// </summary>
public sealed class FailedRunsMigrationTests : IDisposable
{
    private const string Previous = "_CompressedSummaries";

    private static readonly string[] Tables = ["RunInputs", "Findings", "Alerts", "AlertSightings", "AlertEvents", "Deliveries"];

    private readonly TempLedger _kept = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "compliance-ledger-" + Guid.NewGuid().ToString("N"));

    public FailedRunsMigrationTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _kept.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void OpenFile_LedgerOfThePreviousModel_RunsCompletedAndEveryRowAsANewLedgerHoldsIt()
    {
        RecordTwoDays(Ledger(_kept.Store));
        var path = PreviousModelCopyOf(_kept.File);

        var migrated = LedgerStore.OpenFile(path);

        using (var db = migrated.CreateDb())
        {
            db.Runs.OrderBy(r => r.Id).Select(r => r.State + "|" + (r.Error ?? "null") + "|" + (r.InputsHash ?? "null")).ToList()
                .Should().Equal("completed|null|null", "completed|null|null");
        }
        LedgerTables.ShouldHoldTheSameAs(migrated, _kept.Store, Tables.Prepend("Runs"));
    }

    [Fact]
    public void Down_ToThePreviousModel_FailedRunsAndTheirMessagesGoneThenUpAgainAsBefore()
    {
        var ledger = Ledger(_kept.Store);
        RecordTwoDays(ledger);
        var runs = LedgerTables.Stored(_kept.Store, "Runs");
        var deliveries = LedgerTables.Stored(_kept.Store, "Deliveries");
        ledger.RecordFailure(AlertSome.Failure(), AlertSome.Monday.AddDays(2)).OfficeKeys.Should().NotBeEmpty();

        using (var db = _kept.Store.CreateDb())
        {
            db.GetService<IMigrator>().Migrate(PreviousModel.MigrationEndingWith(db, Previous));
        }

        using (var connection = new SqliteConnection(LedgerStore.ConnectionStringFor(_kept.File)))
        {
            connection.Open();
            PreviousModel.Columns(connection, "main", "Runs").Should().NotContain(["State", "Error", "InputsHash"]);
        }
        SqliteConnection.ClearAllPools();
        var reopened = LedgerStore.OpenFile(_kept.File);
        LedgerTables.Stored(reopened, "Runs").Should().Equal(runs);
        LedgerTables.Stored(reopened, "Deliveries").Should().Equal(deliveries);
    }

    private static void RecordTwoDays(AlertLedger ledger)
    {
        ledger.RecordRun(AlertSome.Run(AlertSome.Finding(subject: "charge:C1")), AlertSome.Monday);
        ledger.RecordRun(AlertSome.Run(AlertSome.Finding(subject: "charge:C2")), AlertSome.Monday.AddDays(1));
    }

    private static AlertLedger Ledger(LedgerStore store) => new(store, new AlertRouting(AlertSome.Units), AlertSome.Plan());

    // A ledger at the previous migration holding the rows of the ledger at path.
    private string PreviousModelCopyOf(string path)
    {
        SqliteConnection.ClearAllPools();
        var copy = Path.Combine(_folder, "previous.db");
        PreviousModel.Create(copy, Previous);
        using (var connection = PreviousModel.OpenWith(copy, path))
        {
            using (var tx = connection.BeginTransaction())
            {
                PreviousModel.CopyRuns(connection, tx);
                foreach (var table in Tables)
                {
                    PreviousModel.Execute(connection, $"INSERT INTO main.{table} SELECT * FROM kept.{table}", tx);
                }
                tx.Commit();
            }
            PreviousModel.Columns(connection, "main", "Runs").Should().NotContain("State", "the copy is in the previous model's form");
            PreviousModel.Execute(connection, "DETACH DATABASE kept");
        }
        SqliteConnection.ClearAllPools();
        return copy;
    }
}
