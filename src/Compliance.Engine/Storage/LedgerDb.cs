using Microsoft.EntityFrameworkCore;

namespace Compliance.Engine.Storage;

/// <summary>The ledger's store: runs, their findings, alerts with their transitions, the outbox and the inbox log.</summary>
public sealed class LedgerDb(DbContextOptions<LedgerDb> options) : DbContext(options)
{
    public DbSet<RunRow> Runs => Set<RunRow>();
    public DbSet<RunInputRow> RunInputs => Set<RunInputRow>();
    public DbSet<FindingRow> Findings => Set<FindingRow>();
    public DbSet<AlertRow> Alerts => Set<AlertRow>();
    public DbSet<AlertEventRow> AlertEvents => Set<AlertEventRow>();
    public DbSet<DeliveryRow> Deliveries => Set<DeliveryRow>();
    public DbSet<InboxFileRow> InboxFiles => Set<InboxFileRow>();
    public DbSet<RuleSetEventRow> RuleSetEvents => Set<RuleSetEventRow>();

    /// <summary>The newest run that completed: a failed run changed no alert and stores no findings, so it is no base.</summary>
    public long? LatestCompletedRunId() => Runs.Where(r => r.State == RunState.Completed).Max(r => (long?)r.Id);

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.AddInterceptors(SummaryFunctions.Instance);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RunRow>(e =>
        {
            e.ToTable("Runs");
            e.HasIndex(r => r.AsOf);
            // A large export's summary is mostly ids (14.6 MB on the 1M-case set): packed, it is about a ninth of that.
            e.Property(r => r.SummaryJson).HasColumnName("Summary").HasColumnType("BLOB").HasConversion<SummaryConverter>();
        });
        modelBuilder.Entity<RunInputRow>(e =>
        {
            e.ToTable("RunInputs");
            e.HasIndex(r => r.RunId);
            e.HasIndex(r => r.Sha256);
        });
        modelBuilder.Entity<FindingRow>(e =>
        {
            e.ToTable("Findings");
            e.HasIndex(f => new { f.RunId, f.AlertKey });
            e.HasIndex(f => f.AlertKey);
        });
        modelBuilder.Entity<AlertRow>(e =>
        {
            e.ToTable("Alerts");
            e.HasIndex(a => a.Key).IsUnique();
            e.HasIndex(a => new { a.State, a.Unit });
            // Every run re-stamps the last sighting of each alert it saw, tens of thousands a day. Kept in Alerts, each
            // stamp rewrote a wide row (message, basis, evidence) and its index entries; here it rewrites a narrow one.
            // Owned rather than split off the alert's own columns: a split would share Alerts' key with a foreign key,
            // and EF then takes AUTOINCREMENT off both tables or puts it on both. No index on LastSeenRunId: the
            // refresh scans these small rows faster than it would keep an index up to date, and the open alerts a
            // run did not see are found through Alerts' (State, Unit) index, one primary-key look-up each.
            e.OwnsOne(a => a.Sighting, s =>
            {
                s.ToTable("AlertSightings");
                s.WithOwner().HasForeignKey("AlertId");
            });
            e.Navigation(a => a.Sighting).IsRequired();
        });
        modelBuilder.Entity<AlertEventRow>(e =>
        {
            e.ToTable("AlertEvents");
            e.HasIndex(a => a.AlertId);
        });
        modelBuilder.Entity<DeliveryRow>(e =>
        {
            e.ToTable("Deliveries");
            e.HasIndex(d => new { d.State, d.NextAttemptAt });
            e.HasIndex(d => d.AlertId);
            e.HasIndex(d => d.BatchKey);
        });
        modelBuilder.Entity<InboxFileRow>(e =>
        {
            e.ToTable("InboxFiles");
            e.HasIndex(f => f.Sha256);
        });
        modelBuilder.Entity<RuleSetEventRow>(e => e.ToTable("RuleSetEvents"));
    }
}
