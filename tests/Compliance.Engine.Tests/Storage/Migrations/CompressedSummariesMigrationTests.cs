using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AlertSome = Compliance.Engine.Tests.Alerts.Some;
using FindingsSome = Compliance.Engine.Tests.Findings.Some;

namespace Compliance.Engine.Tests.Storage.Migrations;

/// <summary>
/// A ledger the previous build left (each run's summary.json as TEXT) opened by this one: every summary is packed
/// in place and reads back as it was, and the ledger holds what one kept by this build all along holds. Down
/// gives the text back. The old ledger is made from a new one's rows, summaries unpacked to their old form.
/// </summary>
public sealed class CompressedSummariesMigrationTests : IDisposable
{
    private const string Previous = "_AlertSightings";

    // The tables a run fills; copying an empty one would still add its row to sqlite_sequence.
    private static readonly string[] Tables = ["RunInputs", "Findings", "Alerts", "AlertSightings", "AlertEvents", "Deliveries"];

    private readonly TempLedger _kept = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "compliance-ledger-" + Guid.NewGuid().ToString("N"));

    public CompressedSummariesMigrationTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _kept.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void OpenFile_LedgerOfThePreviousModel_SummariesReadBackIdenticalAndPacked()
    {
        var summaries = RecordDays();
        var path = PreviousModelCopyOf(_kept.File);
        TextSummaries(path).Should().Equal(summaries.Select(s => (s, "text")), "the previous model kept the text itself");

        var migrated = LedgerStore.OpenFile(path);

        using (var db = migrated.CreateDb())
        {
            db.Runs.OrderBy(r => r.Id).Select(r => r.SummaryJson).ToList().Should().Equal(summaries);
            db.Database.SqlQuery<string>($"SELECT typeof(Summary) AS Value FROM Runs").Should().AllBe("blob");
        }
        LedgerTables.ShouldHoldTheSameAs(migrated, _kept.Store, Tables.Prepend("Runs"));
    }

    [Fact]
    public void Down_ToThePreviousModel_SummariesBackAsTextThenUpAgainAsBefore()
    {
        var summaries = RecordDays();
        var runs = LedgerTables.Stored(_kept.Store, "Runs");

        using (var db = _kept.Store.CreateDb())
        {
            db.GetService<IMigrator>().Migrate(PreviousModel.MigrationEndingWith(db, Previous));
        }

        TextSummaries(_kept.File).Should().Equal(summaries.Select(s => (s, "text")));
        using (var connection = new SqliteConnection(LedgerStore.ConnectionStringFor(_kept.File)))
        {
            connection.Open();
            PreviousModel.Columns(connection, "main", "Runs").Should().NotContain("Summary");
        }
        SqliteConnection.ClearAllPools();
        LedgerTables.Stored(LedgerStore.OpenFile(_kept.File), "Runs").Should().Equal(runs);
    }

    // A large summary as on a province-sized export, then a small one of the next day.
    private List<string> RecordDays()
    {
        var ledger = new AlertLedger(_kept.Store, new AlertRouting(AlertSome.Units), AlertSome.Plan());
        string[] summaries =
        [
            FindingsSome.Summary(orphanCharges: 300_000, calendarMissing: 20_000),
            FindingsSome.Summary(orphanCharges: 5, asOf: new DateOnly(2025, 11, 4)),
        ];
        ledger.RecordRun(AlertSome.Run(AlertSome.Finding(subject: "charge:C1")) with { SummaryJson = summaries[0] }, AlertSome.Monday);
        ledger.RecordRun(AlertSome.Run(AlertSome.Finding(subject: "charge:C2")) with { SummaryJson = summaries[1] }, AlertSome.Monday.AddDays(1));
        return [.. summaries];
    }

    // A ledger at the previous migration holding the rows of the ledger at path, summaries as text.
    private string PreviousModelCopyOf(string path)
    {
        SqliteConnection.ClearAllPools();
        var copy = Path.Combine(_folder, "previous.db");
        PreviousModel.Create(copy, Previous);
        using (var connection = PreviousModel.OpenWith(copy, path))
        {
            using (var tx = connection.BeginTransaction())
            {
                PreviousModel.CopyRunsWithTextSummaries(connection, tx);
                foreach (var table in Tables)
                {
                    PreviousModel.Execute(connection, $"INSERT INTO main.{table} SELECT * FROM kept.{table}", tx);
                }
                tx.Commit();
            }
            PreviousModel.Execute(connection, "DETACH DATABASE kept");
        }
        SqliteConnection.ClearAllPools();
        return copy;
    }

    private static List<(string Text, string Type)> TextSummaries(string path)
    {
        using var connection = new SqliteConnection(LedgerStore.ConnectionStringFor(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SummaryJson, typeof(SummaryJson) FROM Runs ORDER BY Id";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        SqliteConnection.ClearPool(connection);
        return rows;
    }
}
