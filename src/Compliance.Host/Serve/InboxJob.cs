using Quartz;

namespace Compliance.Host.Serve;

/// <summary>Picks up new exports (and reloads a changed rule set).</summary>
[DisallowConcurrentExecution]
internal sealed class InboxJob(InboxProcessor inbox) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await inbox.Scan(cancellationToken);
}
