using Compliance.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Compliance.Engine.Tests.Storage.Migrations;

/// <summary>
/// Ledgers in the form an earlier build left them, made from a current ledger's rows: an empty ledger migrated up
/// to an earlier migration, then filled from the current one attached as <c>kept</c>.
/// </summary>
internal static class PreviousModel
{
    /// <summary>A new ledger file at <paramref name="path"/>, migrated up to the migration ending in <paramref name="suffix"/>.</summary>
    public static void Create(string path, string suffix)
    {
        using var old = new LedgerDb(new DbContextOptionsBuilder<LedgerDb>().UseSqlite(LedgerStore.ConnectionStringFor(path)).Options);
        old.GetService<IMigrator>().Migrate(MigrationEndingWith(old, suffix));
    }

    /// <summary>A plain connection to <paramref name="path"/> with the current ledger at <paramref name="kept"/> attached as <c>kept</c>.</summary>
    public static SqliteConnection OpenWith(string path, string kept)
    {
        var connection = new SqliteConnection(LedgerStore.ConnectionStringFor(path));
        connection.Open();
        connection.CreateFunction<byte[], string>(SummaryFunctions.Unpack, SummaryCodec.Unpack);
        Execute(connection, $"ATTACH DATABASE '{kept}' AS kept");
        return connection;
    }

    /// <summary>Kept's runs, their summaries as the text the migrations before <c>CompressedSummaries</c> stored.</summary>
    public static void CopyRunsWithTextSummaries(SqliteConnection connection, SqliteTransaction tx)
    {
        var columns = Columns(connection, "main", "Runs");
        columns.Should().Contain("SummaryJson", "the copy is in a model before CompressedSummaries");
        var values = columns.Select(c => c == "SummaryJson" ? $"{SummaryFunctions.Unpack}(Summary)" : c);
        Execute(connection, $"INSERT INTO main.Runs ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} FROM kept.Runs", tx);
    }

    /// <summary>Kept's runs, in the columns the copy's model has.</summary>
    public static void CopyRuns(SqliteConnection connection, SqliteTransaction tx)
    {
        var columns = string.Join(", ", Columns(connection, "main", "Runs"));
        Execute(connection, $"INSERT INTO main.Runs ({columns}) SELECT {columns} FROM kept.Runs", tx);
    }

    public static string MigrationEndingWith(LedgerDb db, string suffix) =>
        db.Database.GetMigrations().Single(m => m.EndsWith(suffix, StringComparison.Ordinal));

    public static List<string> Columns(SqliteConnection connection, string schema, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}', '{schema}')";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }
        return columns;
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
