using Compliance.Engine.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Compliance.Host.Serve;

/// <summary>Raises the 督办 follow-ups due today, on the rule set's working-day calendar.</summary>
[DisallowConcurrentExecution]
internal sealed class EscalationJob(LedgerAccess access, RuleSetProvider rules, IOptions<EscalationOptions> options, TimeProvider clock, ILogger<EscalationJob> log) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var outcome = access.Ledger().Escalate(now, ShanghaiDay.Of(now), rules.Current().RuleSet.Calendar, options.Value.ToPolicy());
        if (outcome.UncoveredYears.Count > 0)
        {
            log.LogWarning("Some 督办 follow-up clocks were not counted: no calendar covers {Years}; add rules/calendars/<year>.json",
                string.Join(", ", outcome.UncoveredYears));
        }
        return ValueTask.CompletedTask;
    }
}
