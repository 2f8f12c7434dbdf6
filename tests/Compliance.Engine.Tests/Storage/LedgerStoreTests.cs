using Compliance.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Engine.Tests.Storage;

public sealed class LedgerStoreTests : IDisposable
{
    private readonly TempLedger _ledger = new();

    public void Dispose() => _ledger.Dispose();

    [Fact]
    public void OpenFile_NewFile_AppliesEveryMigration()
    {
        using var db = _ledger.Store.CreateDb();

        db.Database.GetPendingMigrations().Should().BeEmpty();
        db.Database.GetAppliedMigrations().Should().ContainSingle(m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenFile_LedgerBeforeIncrementalRuns_OldRunsCountAsStoredInFull()
    {
        var path = Path.Combine(_ledger.Folder, "old.db");
        var options = new DbContextOptionsBuilder<LedgerDb>().UseSqlite(LedgerStore.ConnectionStringFor(path)).Options;
        using (var old = new LedgerDb(options))
        {
            old.GetService<IMigrator>().Migrate(old.Database.GetMigrations().Single(m => m.EndsWith("_Initial", StringComparison.Ordinal)));
            old.Database.ExecuteSqlRaw(
                "INSERT INTO Runs (Trigger, StartedAt, AsOf, RuleSetVersion, RuleSetHash, Feeds, FindingCount, RejectCount, AlertsOpened, AlertsChanged, AlertsClosed, DurationMs, SummaryJson) " +
                "VALUES ('daily', 0, '2025-11-03', '2026-01', 'x', 'cases', 7, 0, 0, 0, 0, 1, 'summary')");
        }
        SqliteConnection.ClearAllPools();

        var store = LedgerStore.OpenFile(path);

        using var db = store.CreateDb();
        var run = db.Runs.Single();
        run.StoredFindings.Should().Be(7);
        run.BaseRunId.Should().BeNull();
    }

    [Fact]
    public void OpenFile_Twice_KeepsRowsAndMigratesNothing()
    {
        using (var db = _ledger.Store.CreateDb())
        {
            db.RuleSetEvents.Add(new RuleSetEventRow { At = DateTimeOffset.UnixEpoch, Outcome = "loaded", Label = "x", Problems = "" });
            db.SaveChanges();
        }
        SqliteConnection.ClearAllPools();

        var again = LedgerStore.OpenFile(_ledger.File);

        using var reopened = again.CreateDb();
        reopened.RuleSetEvents.Count().Should().Be(1);
    }

    [Fact]
    public void Instants_StoredAsTicks_CompareAndOrderInSql()
    {
        var early = new DateTimeOffset(2025, 11, 3, 8, 0, 0, TimeSpan.FromHours(8));
        var late = early.AddMinutes(1);
        using (var db = _ledger.Store.CreateDb())
        {
            db.RuleSetEvents.Add(new RuleSetEventRow { At = late, Outcome = "loaded", Label = "late", Problems = "" });
            db.RuleSetEvents.Add(new RuleSetEventRow { At = early, Outcome = "loaded", Label = "early", Problems = "" });
            db.SaveChanges();
        }

        using var read = _ledger.Store.CreateDb();
        read.RuleSetEvents.OrderBy(e => e.At).Select(e => e.Label).Should().Equal("early", "late");
        read.RuleSetEvents.Where(e => e.At > early).Select(e => e.Label).Should().Equal("late");
        read.RuleSetEvents.Single(e => e.Label == "early").At.Should().Be(early);
    }
}
