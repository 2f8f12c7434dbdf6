using Compliance.Host.Delivery;
using Quartz;

namespace Compliance.Host.Serve;

/// <summary>Sends each digest unit one message with the day's notices.</summary>
[DisallowConcurrentExecution]
internal sealed class DigestJob(DeliveryService delivery) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await delivery.DeliverDue(flushDigests: true, cancellationToken);
}
