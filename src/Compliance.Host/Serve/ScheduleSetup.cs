using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Compliance.Host.Serve;

/// <summary>
/// Puts the five jobs into the persistent store. A trigger already stored with the configured expression is left
/// as it is, so that its next fire time survives a restart: a host that was down past a fire time finds the
/// trigger misfired and, by its FireAndProceed instruction, fires it once and goes on with the schedule — one
/// catch-up, however many fire times were missed. A changed expression replaces the trigger.
/// </summary>
internal sealed class ScheduleSetup(ISchedulerFactory factory, IOptions<ScheduleOptions> options, ILogger<ScheduleSetup> log) : IHostedService
{
    public static readonly IReadOnlyDictionary<string, Type> Jobs = new Dictionary<string, Type>
    {
        [nameof(ScheduleOptions.Inbox)] = typeof(InboxJob),
        [nameof(ScheduleOptions.Daily)] = typeof(JudgementJob),
        [nameof(ScheduleOptions.Delivery)] = typeof(DeliveryJob),
        [nameof(ScheduleOptions.Escalation)] = typeof(EscalationJob),
        [nameof(ScheduleOptions.Digest)] = typeof(DigestJob),
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        foreach (var (name, cron) in options.Value.All())
        {
            var key = new TriggerKey(name, "ledger");
            if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger stored
                && stored.CronExpressionString == cron && stored.TimeZone.Id == zone.Id)
            {
                continue;
            }
            var job = JobBuilder.Create().OfType(Jobs[name]).WithIdentity(name, "ledger").StoreDurably().Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(job)
                .WithCronSchedule(cron, b => b.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
            log.LogInformation("Job {Job} scheduled at '{Cron}' ({Zone})", name, cron, zone.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
