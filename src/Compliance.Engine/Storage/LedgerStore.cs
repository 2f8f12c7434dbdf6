using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Engine.Storage;

/// <summary>
/// Opens the ledger's SQLite file: applies pending migrations on first use and hands out contexts. WAL lets the
/// CLI read while the host writes; a busy timeout makes a writer wait for another rather than fail.
/// </summary>
public sealed class LedgerStore
{
    private readonly DbContextOptions<LedgerDb> _options;

    private LedgerStore(string connectionString)
    {
        ConnectionString = connectionString;
        _options = new DbContextOptionsBuilder<LedgerDb>().UseSqlite(connectionString).Options;
    }

    public string ConnectionString { get; }

    /// <summary>The SQLite connection string for a ledger file.</summary>
    public static string ConnectionStringFor(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        DefaultTimeout = 60,
        Pooling = true,
    }.ToString();

    /// <summary>Opens (creating or migrating) the ledger at <paramref name="path"/>.</summary>
    public static LedgerStore OpenFile(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        return Open(ConnectionStringFor(path));
    }

    public static LedgerStore Open(string connectionString)
    {
        var store = new LedgerStore(connectionString);
        using var db = store.CreateDb();
        db.Database.OpenConnection();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        db.Database.Migrate();
        return store;
    }

    public LedgerDb CreateDb()
    {
        var db = new LedgerDb(_options);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        return db;
    }
}
