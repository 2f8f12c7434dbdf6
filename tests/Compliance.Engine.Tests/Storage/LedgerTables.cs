using System.Globalization;
using Compliance.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Engine.Tests.Storage;

/// <summary>
/// A ledger's tables as text, row by row in key order (each table's integer key is its rowid), to compare two
/// ledgers column for column.
/// </summary>
internal static class LedgerTables
{
    public static IReadOnlyList<string> Dump(LedgerStore store, string table, string columns = "*")
    {
        using var db = store.CreateDb();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM {table} ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount)
                .Select(i => $"{reader.GetName(i)}={Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}")));
        }
        return rows;
    }

    /// <summary>
    /// Every column of <paramref name="table"/> as SQLite's <c>quote()</c> writes it, so that the storage form counts
    /// too: 1 and '1', or a date as text and as a number, differ here where <see cref="Dump"/> would not tell them apart.
    /// </summary>
    public static IReadOnlyList<string> Stored(LedgerStore store, string table)
    {
        List<string> columns;
        using (var db = store.CreateDb())
        {
            columns = db.Database.SqlQuery<string>($"SELECT name AS Value FROM pragma_table_info({table})").ToList();
        }
        return Dump(store, table, string.Join(", ", columns.Select(c => $"quote(\"{c}\") AS \"{c}\"")));
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> is the ledger <paramref name="expected"/> is: the same rows in every one
    /// of <paramref name="tables"/>, storage form included, the same next ids and the same schema.
    /// </summary>
    public static void ShouldHoldTheSameAs(LedgerStore actual, LedgerStore expected, IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            Stored(actual, table).Should().Equal(Stored(expected, table), "{0} hold the same rows", table);
        }
        // The next ids AUTOINCREMENT hands out, one row per table in the order the tables were first written.
        Stored(actual, "sqlite_sequence").Should().BeEquivalentTo(Stored(expected, "sqlite_sequence"));
        Schema(actual).Should().Equal(Schema(expected));
    }

    public static IReadOnlyList<string> Schema(LedgerStore store)
    {
        using var db = store.CreateDb();
        return db.Database.SqlQuery<string>($"SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS Value FROM sqlite_master ORDER BY name").ToList();
    }

    /// <summary>What the alerts' side of the ledger holds: alerts, when each was last seen, their transitions and the outbox.</summary>
    public static IReadOnlyList<string> AlertSide(LedgerStore store) =>
        [.. Dump(store, "Alerts"), .. Dump(store, "AlertSightings"), .. Dump(store, "AlertEvents"), .. Dump(store, "Deliveries")];
}
