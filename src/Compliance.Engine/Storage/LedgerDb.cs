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
