namespace Compliance.Host.Generation;

/// <summary>
/// The breaches the generator plants, finer than the finding codes so that every way a code arises is shown
/// (e.g. an overdue case that was decided late, one still open, one whose suspension does not rescue it).
/// </summary>
public enum BreachKind
{
    CaseOverdueStatutory,
    CaseOverdueStatutoryOpen,
    CaseOverdueStatutorySuspended,
    CaseOverdueStatutoryExtended,
    CaseOverduePromised,
    CaseOverduePromisedOpen,
    CaseDueSoon,
    StageOverdueWorking,
    StageOverdueCalendar,
    StageOverdueOpen,
    StageDueSoonWorking,
    StageDueSoonCalendar,
    StageOutOfOrder,
    FeeUnknown,
    FeeNotInForce,
    FeeAbolished,
    FeeSuspended,
    FeeExemptCharged,
    FeeOutOfScope,
    FeeOverStandard,
    FeeOverStandardByOneFen,
    FeeUnauthorizedCollector,
    FeeFreeItemCharged,
    FeeDuplicate,
}
