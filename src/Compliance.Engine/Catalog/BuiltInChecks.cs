namespace Compliance.Engine.Catalog;

/// <summary>The codes of the built-in checks of checks.md: what settings.json <c>checks</c> may name.</summary>
public static class BuiltInChecks
{
    public const string CaseOverdueStatutory = "case.overdue-statutory";
    public const string CaseOverduePromised = "case.overdue-promised";
    public const string CaseDueSoon = "case.due-soon";
    public const string StageOverdue = "stage.overdue";
    public const string StageDueSoon = "stage.due-soon";
    public const string StageOutOfOrder = "stage.out-of-order";
    public const string FeeUnknown = "fee.unknown";
    public const string FeeNotInForce = "fee.not-in-force";
    public const string FeeAbolished = "fee.abolished";
    public const string FeeExemptCharged = "fee.exempt-charged";
    public const string FeeOutOfScope = "fee.out-of-scope";
    public const string FeeOverStandard = "fee.over-standard";
    public const string FeeUnauthorizedCollector = "fee.unauthorized-collector";
    public const string FeeFreeItemCharged = "fee.free-item-charged";
    public const string FeeDuplicate = "fee.duplicate";
    public const string UnitWarningTalk = "unit.warning-talk";

    /// <summary>All sixteen, in the order of checks.md.</summary>
    public static readonly IReadOnlyList<string> Codes =
    [
        CaseOverdueStatutory, CaseOverduePromised, CaseDueSoon,
        StageOverdue, StageDueSoon, StageOutOfOrder,
        FeeUnknown, FeeNotInForce, FeeAbolished, FeeExemptCharged, FeeOutOfScope, FeeOverStandard,
        FeeUnauthorizedCollector, FeeFreeItemCharged, FeeDuplicate,
        UnitWarningTalk,
    ];
}
