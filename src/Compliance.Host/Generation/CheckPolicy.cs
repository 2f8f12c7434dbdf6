using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>The built-in checks as the rule set runs them: switched off or not, and their severity after settings.json overrides.</summary>
internal sealed class CheckPolicy
{
    private static readonly Dictionary<string, Severity> Defaults = new(StringComparer.Ordinal)
    {
        [BuiltInChecks.CaseOverdueStatutory] = Severity.Red,
        [BuiltInChecks.CaseOverduePromised] = Severity.Yellow,
        [BuiltInChecks.CaseDueSoon] = Severity.Warning,
        [BuiltInChecks.StageOverdue] = Severity.Red,
        [BuiltInChecks.StageDueSoon] = Severity.Warning,
        [BuiltInChecks.StageOutOfOrder] = Severity.Red,
        [BuiltInChecks.FeeUnknown] = Severity.Red,
        [BuiltInChecks.FeeNotInForce] = Severity.Red,
        [BuiltInChecks.FeeAbolished] = Severity.Red,
        [BuiltInChecks.FeeExemptCharged] = Severity.Red,
        [BuiltInChecks.FeeOutOfScope] = Severity.Red,
        [BuiltInChecks.FeeOverStandard] = Severity.Red,
        [BuiltInChecks.FeeUnauthorizedCollector] = Severity.Red,
        [BuiltInChecks.FeeFreeItemCharged] = Severity.Red,
        [BuiltInChecks.FeeDuplicate] = Severity.Yellow,
        [BuiltInChecks.UnitWarningTalk] = Severity.Yellow,
    };

    private readonly Settings _settings;

    public CheckPolicy(Settings settings) => _settings = settings;

    public bool Enabled(string code) => !(_settings.Checks.TryGetValue(code, out var o) && o.Enabled == false);

    public bool IsRed(string code) =>
        (_settings.Checks.TryGetValue(code, out var o) && o.Severity is { } s ? s : Defaults.GetValueOrDefault(code, Severity.Red)) == Severity.Red;

    /// <summary>The finding code a kind of breach is planted for.</summary>
    public static string CodeOf(BreachKind kind) => kind switch
    {
        BreachKind.CaseOverdueStatutory or BreachKind.CaseOverdueStatutoryOpen
            or BreachKind.CaseOverdueStatutorySuspended or BreachKind.CaseOverdueStatutoryExtended => BuiltInChecks.CaseOverdueStatutory,
        BreachKind.CaseOverduePromised or BreachKind.CaseOverduePromisedOpen => BuiltInChecks.CaseOverduePromised,
        BreachKind.CaseDueSoon => BuiltInChecks.CaseDueSoon,
        BreachKind.StageOverdueWorking or BreachKind.StageOverdueCalendar or BreachKind.StageOverdueOpen => BuiltInChecks.StageOverdue,
        BreachKind.StageDueSoonWorking or BreachKind.StageDueSoonCalendar => BuiltInChecks.StageDueSoon,
        BreachKind.StageOutOfOrder => BuiltInChecks.StageOutOfOrder,
        BreachKind.FeeUnknown => BuiltInChecks.FeeUnknown,
        BreachKind.FeeNotInForce => BuiltInChecks.FeeNotInForce,
        BreachKind.FeeAbolished or BreachKind.FeeSuspended => BuiltInChecks.FeeAbolished,
        BreachKind.FeeExemptCharged => BuiltInChecks.FeeExemptCharged,
        BreachKind.FeeOutOfScope => BuiltInChecks.FeeOutOfScope,
        BreachKind.FeeOverStandard or BreachKind.FeeOverStandardByOneFen => BuiltInChecks.FeeOverStandard,
        BreachKind.FeeUnauthorizedCollector => BuiltInChecks.FeeUnauthorizedCollector,
        BreachKind.FeeFreeItemCharged => BuiltInChecks.FeeFreeItemCharged,
        BreachKind.FeeDuplicate => BuiltInChecks.FeeDuplicate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
