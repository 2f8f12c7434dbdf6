using Compliance.Engine.Alerts;
using Compliance.Engine.Storage;
using Compliance.Host.Delivery;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Serve;

/// <summary>The ledger as the host sees it: routed by the units of the rule set now serving, delivered by the configured plan.</summary>
internal sealed class LedgerAccess(LedgerStore store, RuleSetProvider rules, IOptions<LedgerOptions> ledger, IOptions<DeliveryOptions> delivery)
{
    public LedgerStore Store => store;

    public AlertRouting Routing() => new(rules.Current().RuleSet.Units, ledger.Value.Office);

    public AlertLedger Ledger() => new(store, Routing(), delivery.Value.ToPlan());

    public Outbox Outbox() => new(store, Routing(), delivery.Value.ToPlan());
}
