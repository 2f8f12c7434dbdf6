using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Compliance.Engine.Catalog;

namespace Compliance.Engine.Ingest;

/// <summary>stages.csv (重点项目环节). Key: project_code + canonical stage (aliases resolved through stages.json).</summary>
internal sealed class StageRowParser : RowParser<StageRecord>
{
    public const int ProjectCode = 0;
    public const int ProjectName = 1;
    public const int Stage = 2;
    public const int StageType = 3;
    public const int UnitCode = 4;
    public const int StartedAt = 5;
    public const int CompletedAt = 6;
    public const int Limit = 7;
    public const int LimitUnitField = 8;

    public static readonly FeedSchema StagesSchema = new("stages", "重点项目环节",
    [
        new("项目代码", "project_code", true),
        new("项目名称", "project_name", false),
        new("环节", "stage", true),
        new("环节类型", "stage_type", false),
        new("责任单位编码", "unit_code", true),
        new("开始时间", "started_at", true),
        new("完成时间", "completed_at", false),
        new("时限", "limit", false),
        new("时限单位", "limit_unit", false),
    ]);

    private readonly StageCatalog _stages;

    public StageRowParser(StageCatalog stages)
    {
        _stages = stages;
    }

    public override FeedSchema Schema => StagesSchema;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryParse(FieldRow row, [NotNullWhen(true)] out StageRecord? record, out RowProblem problem)
    {
        record = null;
        if (!TryText(row, ProjectCode, true, false, out var projectCode, out problem)
            || !TryText(row, ProjectName, false, true, out var projectName, out problem)
            || !TryText(row, Stage, true, true, out var stageName, out problem))
        {
            return false;
        }
        if (!_stages.TryResolve(stageName!, out var stage))
        {
            problem = Unknown(Stage, stageName, "立项/approval、规划/planning、环评/eia、用地/land、建设/construction 或 stages.json 声明的别名");
            return false;
        }
        if (!TryText(row, StageType, false, true, out var stageType, out problem)
            || !TryText(row, UnitCode, true, true, out var unitCode, out problem)
            || !TryDate(row, StartedAt, true, out var started, out problem)
            || !TryDate(row, CompletedAt, false, out var completed, out problem))
        {
            return false;
        }
        if (completed < started)
        {
            problem = EndBeforeStart(CompletedAt, StartedAt);
            return false;
        }
        if (!TryDays(row, Limit, out var limit, out problem)
            || !TryLimitUnit(row, limit.HasValue, out var unit, out problem))
        {
            return false;
        }
        record = new StageRecord
        {
            ProjectCode = projectCode!,
            ProjectName = projectName,
            Stage = Pooled(Stage, stage),
            StageType = stageType,
            UnitCode = unitCode!,
            StartedOn = started!.Value,
            CompletedOn = completed,
            Limit = limit,
            LimitUnit = unit,
            Line = row.Line,
        };
        return true;
    }

    public override Func<StageRecord, string>? Key { get; } = static record => record.ProjectCode + "\u001F" + record.Stage;

    public override string DescribeKey(StageRecord record) => $"{record.ProjectCode}/{record.Stage}";

    public override bool SameContent(StageRecord first, StageRecord second) =>
        first with { Line = 0 } == second with { Line = 0 };

    public override int LineOf(StageRecord record) => record.Line;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryLimitUnit(FieldRow row, bool hasLimit, out LimitUnit? unit, out RowProblem problem)
    {
        var span = row[LimitUnitField];
        problem = default;
        unit = null;
        if (span.IsEmpty)
        {
            if (hasLimit)
            {
                problem = new RowProblem(LimitUnitField, RejectReason.MissingRequired, $"填写了“{Label(Limit)}”时必须填写“{Label(LimitUnitField)}”");
                return false;
            }
            return true;
        }
        if (span is "工作日" || span.Equals("working", StringComparison.OrdinalIgnoreCase))
        {
            unit = LimitUnit.Working;
        }
        else if (span is "自然日" || span.Equals("calendar", StringComparison.OrdinalIgnoreCase))
        {
            unit = LimitUnit.Calendar;
        }
        else
        {
            problem = Unknown(LimitUnitField, span, "工作日/working 或 自然日/calendar");
            return false;
        }
        return true;
    }
}
