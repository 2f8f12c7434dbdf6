using Compliance.Engine.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Compliance.Host.Serve;

/// <summary>
/// The scheduled host: the ledger's services, a Quartz scheduler whose jobs and triggers live in a SQLite job store
/// (<c>scheduler.db</c> in the home folder, tables created by Quartz from its own SQLite script), and the jobs.
/// </summary>
internal static class ServeHost
{
    public static IHost Build(IConfiguration configuration, TimeProvider clock)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.AddLedger(builder.Configuration, clock);

        var home = HomeFolders.From(configuration.GetSection(LedgerOptions.Section).Get<LedgerOptions>() ?? new LedgerOptions());
        home.Create();
        builder.Services.AddQuartz(q =>
        {
            q.UseTimeProvider(clock);
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(LedgerStore.ConnectionStringFor(home.SchedulerDatabase));
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        });
        builder.Services.AddHostedService<StartupCheck>();
        builder.Services.AddHostedService<ScheduleSetup>();
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder.Build();
    }

    /// <summary>Opens the ledger and loads the rule set before anything is scheduled: a host that cannot judge does not start.</summary>
    private sealed class StartupCheck(LedgerStore store, RuleSetProvider rules, IOptions<LedgerOptions> options, ILogger<StartupCheck> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var loaded = rules.Current();
            log.LogInformation("Serving with rule set {Label}; ledger at {Ledger}; home {Home}",
                loaded.RuleSet.Label, store.ConnectionString, Path.GetFullPath(options.Value.Home));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
