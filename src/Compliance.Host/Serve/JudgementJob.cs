using Quartz;

namespace Compliance.Host.Serve;

/// <summary>The daily re-judgement: time passes, so an open clock can break a limit with no new data.</summary>
[DisallowConcurrentExecution]
internal sealed class JudgementJob(RuleSetProvider rules, LedgerRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        rules.Refresh();
        await runner.Judge("daily", cancellationToken);
    }
}
