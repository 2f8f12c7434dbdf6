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

    /// <summary>
    /// Compiles the network now rather than at the first session, which is in the middle of judging, where every
    /// thread that needs a session would wait for it.
    /// </summary>
    public static void Compile() => _ = Factory.Value;
}
