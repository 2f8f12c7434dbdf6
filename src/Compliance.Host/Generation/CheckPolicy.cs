using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>The built-in checks as the rule set runs them: switched off or not, and their severity after settings.json overrides.</summary>
internal sealed class CheckPolicy
{
    private static readonly Dictionary<string, Severity> Defaults = new(StringComparer.Ordinal)
    {
        ["case.overdue-statutory"] = Severity.Red,
        ["case.overdue-promised"] = Severity.Yellow,
        ["case.due-soon"] = Severity.Warning,
        ["stage.overdue"] = Severity.Red,
        ["stage.due-soon"] = Severity.Warning,
        ["stage.out-of-order"] = Severity.Red,
        ["fee.unknown"] = Severity.Red,
        ["fee.not-in-force"] = Severity.Red,
        ["fee.abolished"] = Severity.Red,
        ["fee.exempt-charged"] = Severity.Red,
        ["fee.out-of-scope"] = Severity.Red,
        ["fee.over-standard"] = Severity.Red,
        ["fee.unauthorized-collector"] = Severity.Red,
        ["fee.free-item-charged"] = Severity.Red,
        ["fee.duplicate"] = Severity.Yellow,
        ["unit.warning-talk"] = Severity.Yellow,
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
            or BreachKind.CaseOverdueStatutorySuspended or BreachKind.CaseOverdueStatutoryExtended => "case.overdue-statutory",
        BreachKind.CaseOverduePromised or BreachKind.CaseOverduePromisedOpen => "case.overdue-promised",
        BreachKind.CaseDueSoon => "case.due-soon",
        BreachKind.StageOverdueWorking or BreachKind.StageOverdueCalendar or BreachKind.StageOverdueOpen => "stage.overdue",
        BreachKind.StageDueSoonWorking or BreachKind.StageDueSoonCalendar => "stage.due-soon",
        BreachKind.StageOutOfOrder => "stage.out-of-order",
        BreachKind.FeeUnknown => "fee.unknown",
        BreachKind.FeeNotInForce => "fee.not-in-force",
        BreachKind.FeeAbolished or BreachKind.FeeSuspended => "fee.abolished",
        BreachKind.FeeExemptCharged => "fee.exempt-charged",
        BreachKind.FeeOutOfScope => "fee.out-of-scope",
        BreachKind.FeeOverStandard or BreachKind.FeeOverStandardByOneFen => "fee.over-standard",
        BreachKind.FeeUnauthorizedCollector => "fee.unauthorized-collector",
        BreachKind.FeeFreeItemCharged => "fee.free-item-charged",
        BreachKind.FeeDuplicate => "fee.duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
