using Compliance.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace Compliance.Engine.Tests.Storage;

/// <summary>A ledger in a fresh SQLite file on disk, deleted afterwards.</summary>
internal sealed class TempLedger : IDisposable
{
    public TempLedger()
    {
        Folder = Path.Combine(Path.GetTempPath(), "compliance-ledger-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        File = Path.Combine(Folder, "ledger.db");
        Store = LedgerStore.OpenFile(File);
    }

    public string Folder { get; }
    public string File { get; }
    public LedgerStore Store { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
