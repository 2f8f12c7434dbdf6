using Compliance.Engine.Alerts;
using Microsoft.Extensions.Options;
using Quartz;

namespace Compliance.Host.Serve;

/// <summary>Raises the 督办 follow-ups due today, on the rule set's working-day calendar.</summary>
[DisallowConcurrentExecution]
internal sealed class EscalationJob(LedgerAccess access, RuleSetProvider rules, IOptions<EscalationOptions> options, TimeProvider clock) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        access.Ledger().Escalate(now, ShanghaiDay.Of(now), rules.Current().RuleSet.Calendar, options.Value.ToPolicy());
        return ValueTask.CompletedTask;
    }
}
