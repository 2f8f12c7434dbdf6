using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>procedures.csv (特别程序). No key; the case must be one of the cases already accepted.</summary>
internal sealed class ProcedureRowParser : RowParser<ProcedureRecord>
{
    public const int CaseId = 0;
    public const int Kind = 1;
    public const int Start = 2;
    public const int End = 3;
    public const int ExtensionDays = 4;

    /// <summary>行政许可法 Art. 42: an approved extension adds ten working days unless the feed says otherwise.</summary>
    public const int DefaultExtensionDays = 10;

    public static readonly FeedSchema ProceduresSchema = new("procedures", "特别程序",
    [
        new("办件编号", "case_id", true),
        new("特别程序种类", "kind", true),
        new("开始时间", "start", true),
        new("结束时间", "end", false),
        new("延长天数", "extension_days", false),
    ]);

    /// <summary>The named clock stops of 行政许可法 Art. 45 that feeds write instead of a suspension code.</summary>
    private static readonly string[] SuspensionNames = ["听证", "招标", "拍卖", "检验", "检测", "检疫", "鉴定", "专家评审", "补正"];

    private readonly CaseFinder _cases;

    public ProcedureRowParser(CaseLookup acceptedCaseId)
    {
        _cases = new CaseFinder(acceptedCaseId);
    }

    public override FeedSchema Schema => ProceduresSchema;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryParse(FieldRow row, [NotNullWhen(true)] out ProcedureRecord? record, out RowProblem problem)
    {
        record = null;
        var caseSpan = row[CaseId];
        if (caseSpan.IsEmpty)
        {
            problem = Missing(CaseId);
            return false;
        }
        var caseId = _cases.Find(caseSpan, out var caseIndex);
        if (caseId is null)
        {
            problem = new RowProblem(CaseId, RejectReason.UnknownValue, $"办件编号“{caseSpan}”不在已读入的办件中");
            return false;
        }
        if (!TryText(row, Kind, true, true, out var kindLabel, out problem))
        {
            return false;
        }
        if (!TryKind(kindLabel!, out var kind))
        {
            problem = Unknown(Kind, kindLabel, "1/延长审批/extension、2/暂停计时/suspension 或 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审、补正");
            return false;
        }
        if (!TryDate(row, Start, true, out var start, out problem)
            || !TryDate(row, End, false, out var end, out problem))
        {
            return false;
        }
        if (end < start)
        {
            problem = EndBeforeStart(End, Start);
            return false;
        }
        if (!TryDays(row, ExtensionDays, out var days, out problem))
        {
            return false;
        }
        record = new ProcedureRecord
        {
            CaseId = caseId,
            Case = new CasePosition(caseIndex),
            Kind = kind,
            KindLabel = kindLabel!,
            Start = start!.Value,
            End = end,
            ExtensionDays = days ?? (kind == ProcedureKind.Extension ? DefaultExtensionDays : 0),
            Line = row.Line,
        };
        return true;
    }

    public override bool SameContent(ProcedureRecord first, ProcedureRecord second) =>
        first with { Line = 0 } == second with { Line = 0 };

    public override int LineOf(ProcedureRecord record) => record.Line;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryKind(string label, out ProcedureKind kind)
    {
        if (ProcedureKindCodes.Of(label) is { } coded)
        {
            kind = coded;
            return true;
        }
        kind = ProcedureKind.Suspension;
        return Array.IndexOf(SuspensionNames, label) >= 0;
    }
}
