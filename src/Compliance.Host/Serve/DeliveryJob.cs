using Compliance.Host.Delivery;
using Quartz;

namespace Compliance.Host.Serve;

/// <summary>Sends what the outbox holds for units that get each notice at once.</summary>
[DisallowConcurrentExecution]
internal sealed class DeliveryJob(DeliveryService delivery) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await delivery.DeliverDue(flushDigests: false, cancellationToken);
}
