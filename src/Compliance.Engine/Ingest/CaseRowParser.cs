using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>cases.csv (办件). Key: case_id.</summary>
internal sealed class CaseRowParser : RowParser<CaseRecord>
{
    public const int CaseId = 0;
    public const int ItemCode = 1;
    public const int ItemName = 2;
    public const int UnitCode = 3;
    public const int UnitName = 4;
    public const int Applicant = 5;
    public const int ApplicantType = 6;
    public const int AcceptedAt = 7;
    public const int DecidedAt = 8;
    public const int StatutoryLimit = 9;
    public const int PromisedLimit = 10;
    public const int Status = 11;

    public static readonly FeedSchema CasesSchema = new("cases", "办件",
    [
        new("办件编号", "case_id", true),
        new("事项编码", "item_code", true),
        new("事项名称", "item_name", false),
        new("受理单位编码", "unit_code", true),
        new("受理单位", "unit_name", false),
        new("申请人", "applicant", false),
        new("申请人类型", "applicant_type", false),
        new("受理时间", "accepted_at", true),
        new("办结时间", "decided_at", false),
        new("法定时限", "statutory_limit", false),
        new("承诺时限", "promised_limit", false),
        new("办件状态", "status", false),
    ]);

    public override FeedSchema Schema => CasesSchema;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryParse(FieldRow row, [NotNullWhen(true)] out CaseRecord? record, out RowProblem problem)
    {
        record = null;
        if (!TryText(row, CaseId, true, false, out var caseId, out problem)
            || !TryText(row, ItemCode, true, true, out var itemCode, out problem)
            || !TryText(row, ItemName, false, true, out var itemName, out problem)
            || !TryText(row, UnitCode, true, true, out var unitCode, out problem)
            || !TryText(row, UnitName, false, true, out var unitName, out problem)
            || !TryText(row, Applicant, false, true, out var applicant, out problem)
            || !TryText(row, ApplicantType, false, true, out var applicantType, out problem)
            || !TryDate(row, AcceptedAt, true, out var accepted, out problem)
            || !TryDate(row, DecidedAt, false, out var decided, out problem))
        {
            return false;
        }
        if (decided < accepted)
        {
            problem = EndBeforeStart(DecidedAt, AcceptedAt);
            return false;
        }
        if (!TryDays(row, StatutoryLimit, out var statutory, out problem)
            || !TryDays(row, PromisedLimit, out var promised, out problem)
            || !TryStatus(row, decided.HasValue, out var status, out problem))
        {
            return false;
        }
        record = new CaseRecord
        {
            CaseId = caseId!,
            ItemCode = itemCode!,
            ItemName = itemName,
            UnitCode = unitCode!,
            UnitName = unitName,
            Applicant = applicant,
            ApplicantType = applicantType,
            AcceptedOn = accepted!.Value,
            DecidedOn = decided,
            StatutoryLimit = statutory,
            PromisedLimit = promised,
            Status = status,
            Line = row.Line,
        };
        return true;
    }

    public override Func<CaseRecord, string>? Key { get; } = static record => record.CaseId;

    public override bool SameContent(CaseRecord first, CaseRecord second) =>
        first with { Line = 0 } == second with { Line = 0 };

    public override int LineOf(CaseRecord record) => record.Line;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryStatus(FieldRow row, bool decided, out CaseStatus status, out RowProblem problem)
    {
        var span = row[Status];
        problem = default;
        if (span.IsEmpty)
        {
            status = decided ? CaseStatus.Decided : CaseStatus.Open;
            return true;
        }
        if (span is "在办" || span.Equals("open", StringComparison.OrdinalIgnoreCase))
        {
            status = CaseStatus.Open;
        }
        else if (span is "办结" || span.Equals("decided", StringComparison.OrdinalIgnoreCase))
        {
            status = CaseStatus.Decided;
        }
        else if (span is "作废" || span.Equals("void", StringComparison.OrdinalIgnoreCase))
        {
            status = CaseStatus.Void;
        }
        else if (span is "退回" || span.Equals("returned", StringComparison.OrdinalIgnoreCase))
        {
            status = CaseStatus.Returned;
        }
        else
        {
            status = default;
            problem = Unknown(Status, span, "在办/open、办结/decided、作废/void 或 退回/returned");
            return false;
        }
        return true;
    }
}
