using NRules;
using NRules.Fluent;

namespace Compliance.Rules.CrossRecord;

/// <summary>
/// The compiled NRules network of the cross-record checks: compiled once per process, one session per unit of
/// work (sessions are single-threaded).
/// </summary>
internal static class CrossRecordRules
{
    private static readonly Lazy<ISessionFactory> Factory = new(() =>
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(CrossRecordRules).Assembly).Where(r => r.Name is "fee.duplicate" or "stage.out-of-order" or "unit.warning-talk"));
        return repository.Compile();
    });

    public static ISession NewSession() => Factory.Value.CreateSession();
}
