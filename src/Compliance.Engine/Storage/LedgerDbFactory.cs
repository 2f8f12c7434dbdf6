using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Compliance.Engine.Storage;

/// <summary>For <c>dotnet ef migrations add</c>: a context over a throw-away SQLite file, never opened at design time.</summary>
internal sealed class LedgerDbFactory : IDesignTimeDbContextFactory<LedgerDb>
{
    public LedgerDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LedgerDb>().UseSqlite("Data Source=design-time.db").Options);
}
