using System.Globalization;
using Compliance.Engine.Ingest;

namespace Compliance.Host.Generation;

/// <summary>
/// Writes the deliberately bad rows among the data rows, spread evenly through each file, and records the
/// physical line each starts on. Each is a valid row with one thing broken, so that exactly one reject reason
/// applies; a duplicate copies the last plain row of its file.
/// </summary>
internal sealed class BadRowWriter
{
    private static readonly Dictionary<string, BadRowKind[]> Kinds = new(StringComparer.Ordinal)
    {
        [FeedLayout.Cases] =
        [
            BadRowKind.BadRowAfterMultiline, BadRowKind.EndBeforeStart, BadRowKind.IdenticalDuplicate, BadRowKind.UnknownValue,
            BadRowKind.MissingRequired, BadRowKind.BadDate, BadRowKind.BadNumber, BadRowKind.DuplicateKey,
        ],
        [FeedLayout.Procedures] =
        [
            BadRowKind.UnknownCase, BadRowKind.BadDate, BadRowKind.EndBeforeStart, BadRowKind.BadNumber,
            BadRowKind.MissingRequired, BadRowKind.BadRow, BadRowKind.UnknownValue,
        ],
        [FeedLayout.Charges] =
        [
            BadRowKind.NegativeAmount, BadRowKind.DuplicateKey, BadRowKind.BadNumber, BadRowKind.IdenticalDuplicate,
            BadRowKind.MissingRequired, BadRowKind.BadDate, BadRowKind.BadRow,
        ],
        [FeedLayout.Stages] =
        [
            BadRowKind.UnknownValue, BadRowKind.MissingRequired, BadRowKind.DuplicateKey, BadRowKind.BadDate,
            BadRowKind.BadNumber, BadRowKind.EndBeforeStart, BadRowKind.IdenticalDuplicate, BadRowKind.BadRow,
        ],
    };

    private readonly GenerationContext _context;
    private FeedOutput? _cases;

    public BadRowWriter(GenerationContext context) => _context = context;

    private SeededRandom Random => _context.Random;
    private DateOnly AsOf => _context.AsOf;

    /// <summary>
    /// Queues <paramref name="count"/> bad rows for the feed, cycling through its reasons, placed evenly among
    /// about <paramref name="expectedRows"/> data rows.
    /// </summary>
    public void Schedule(FeedOutput output, int count, int expectedRows)
    {
        if (output.Feed == FeedLayout.Cases)
        {
            _cases = output;
        }
        var kinds = Kinds[output.Feed];
        for (var j = 0; j < count; j++)
        {
            var kind = kinds[j % kinds.Length];
            if (j >= kinds.Length && kind == BadRowKind.BadRowAfterMultiline)
            {
                kind = BadRowKind.BadRow;
            }
            var after = Math.Max(1, (int)((long)(j + 1) * expectedRows / (count + 1)));
            output.Pending.Enqueue((after, kind));
        }
    }

    /// <summary>Writes the bad rows whose place has come (those needing a row to copy wait until there is one).</summary>
    public void FlushDue(FeedOutput output)
    {
        while (output.Pending.Count > 0 && output.Pending.Peek().After <= output.DataRows && TryWrite(output, output.Pending.Peek().Kind))
        {
            output.Pending.Dequeue();
        }
    }

    /// <summary>At the end of the file: every bad row still waiting, except those with nothing to copy.</summary>
    public void FlushAll(FeedOutput output)
    {
        while (output.Pending.Count > 0)
        {
            TryWrite(output, output.Pending.Dequeue().Kind);
        }
    }

    private bool TryWrite(FeedOutput output, BadRowKind kind)
    {
        var fields = output.Feed switch
        {
            FeedLayout.Cases => CasesRow(output, kind),
            FeedLayout.Procedures => ProceduresRow(kind),
            FeedLayout.Charges => ChargesRow(output, kind),
            FeedLayout.Stages => StagesRow(output, kind),
            _ => null,
        };
        if (fields is null)
        {
            return false;
        }
        var line = output.Writer.Write(fields.Value.Fields);
        if (kind == BadRowKind.IdenticalDuplicate)
        {
            _context.Summary.DuplicateList.Add(new PlantedDuplicate(output.Feed, output.FileName, line, output.TemplateLine));
        }
        else
        {
            var column = fields.Value.Column < 0 ? "" : output.Header(fields.Value.Column);
            _context.Summary.RejectList.Add(new PlantedReject(output.Feed, output.FileName, line, column, ReasonOf(kind)));
        }
        return true;
    }

    private (string[] Fields, int Column)? CasesRow(FeedOutput output, BadRowKind kind)
    {
        if (kind is BadRowKind.IdenticalDuplicate or BadRowKind.DuplicateKey)
        {
            if (output.Template is not { } template)
            {
                return null;
            }
            var copy = template.ToArray();
            if (kind == BadRowKind.DuplicateKey)
            {
                copy[FeedLayout.Case.Applicant] = ChineseNames.Person(Random) + "（重复录入）";
            }
            return (copy, kind == BadRowKind.DuplicateKey ? FeedLayout.Case.Id : -1);
        }
        var view = _context.View;
        var item = Random.Pick(view.NonFree.Count > 0 ? view.NonFree : view.Items);
        var unit = Random.Pick(item.Units);
        var accepted = _context.Days.RandomWorkingDay(Random, _context.WindowStart, _context.Days.RollBack(AsOf.AddDays(-30)));
        var type = Applicants.All[Random.Weighted(item.ApplicantWeights)];
        string[] row =
        [
            _context.NextCaseId(accepted), item.Code, item.Item.Name, unit, view.UnitName(unit), ChineseNames.Applicant(Random, type), type,
            ValueFormats.Iso(accepted), ValueFormats.Iso(_context.Days.Add(accepted, 1)), "", "", "办结",
        ];
        switch (kind)
        {
            case BadRowKind.BadRowAfterMultiline:
            case BadRowKind.BadRow:
                return (row[..^1], -1);
            case BadRowKind.MissingRequired:
                row[FeedLayout.Case.Item] = "";
                return (row, FeedLayout.Case.Item);
            case BadRowKind.BadDate:
                row[FeedLayout.Case.Accepted] = $"{AsOf.Year}-02-30 10:00:00";
                return (row, FeedLayout.Case.Accepted);
            case BadRowKind.BadNumber:
                row[FeedLayout.Case.Statutory] = "二十";
                return (row, FeedLayout.Case.Statutory);
            case BadRowKind.UnknownValue:
                row[FeedLayout.Case.Status] = "已归档";
                return (row, FeedLayout.Case.Status);
            case BadRowKind.EndBeforeStart:
                row[FeedLayout.Case.Decided] = ValueFormats.Iso(accepted.AddDays(-3));
                return (row, FeedLayout.Case.Decided);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a cases bad row");
        }
    }

    private (string[] Fields, int Column)? ProceduresRow(BadRowKind kind)
    {
        string caseId;
        if (kind == BadRowKind.UnknownCase)
        {
            // Sequence numbers start at 1: no case of the file has this id.
            caseId = $"XK-{AsOf.Year - 1}-0000000";
        }
        else if (_cases?.TemplateRecord is CaseRow known)
        {
            caseId = known.CaseId;
        }
        else
        {
            return null;
        }
        var start = _context.Days.RandomWorkingDay(Random, _context.WindowStart, _context.Days.RollBack(AsOf.AddDays(-30)));
        string[] row = [caseId, "暂停计时", ValueFormats.Iso(start), ValueFormats.Iso(start.AddDays(5)), ""];
        switch (kind)
        {
            case BadRowKind.UnknownCase:
                return (row, FeedLayout.Procedure.CaseId);
            case BadRowKind.BadRow:
                return ([.. row, "补正材料"], -1);
            case BadRowKind.MissingRequired:
                row[FeedLayout.Procedure.Start] = "";
                return (row, FeedLayout.Procedure.Start);
            case BadRowKind.BadDate:
                row[FeedLayout.Procedure.Start] = $"{AsOf.Year}-10-32";
                return (row, FeedLayout.Procedure.Start);
            case BadRowKind.BadNumber:
                row[FeedLayout.Procedure.Kind] = "延长审批";
                row[FeedLayout.Procedure.Days] = "十";
                return (row, FeedLayout.Procedure.Days);
            case BadRowKind.UnknownValue:
                row[FeedLayout.Procedure.Kind] = "加急";
                return (row, FeedLayout.Procedure.Kind);
            case BadRowKind.EndBeforeStart:
                row[FeedLayout.Procedure.End] = ValueFormats.Iso(start.AddDays(-2));
                return (row, FeedLayout.Procedure.End);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a procedures bad row");
        }
    }

    private (string[] Fields, int Column)? ChargesRow(FeedOutput output, BadRowKind kind)
    {
        if (output.Template is not { } template || output.TemplateRecord is not ChargeRow first)
        {
            return null;
        }
        var row = template.ToArray();
        switch (kind)
        {
            case BadRowKind.IdenticalDuplicate:
                return (row, -1);
            case BadRowKind.DuplicateKey:
                row[FeedLayout.Charge.Amount] = (first.Amount + 1m).ToString("0.00", CultureInfo.InvariantCulture);
                return (row, FeedLayout.Charge.Id);
        }
        row[FeedLayout.Charge.Id] = _context.NextChargeId(first.ChargedOn);
        switch (kind)
        {
            case BadRowKind.NegativeAmount:
                row[FeedLayout.Charge.Amount] = "-" + first.Amount.ToString("0.00", CultureInfo.InvariantCulture);
                return (row, FeedLayout.Charge.Amount);
            case BadRowKind.BadNumber:
                row[FeedLayout.Charge.Amount] = "八十元";
                return (row, FeedLayout.Charge.Amount);
            case BadRowKind.MissingRequired:
                row[FeedLayout.Charge.Fee] = "";
                return (row, FeedLayout.Charge.Fee);
            case BadRowKind.BadDate:
                row[FeedLayout.Charge.ChargedAt] = $"{AsOf.Year}/09/31";
                return (row, FeedLayout.Charge.ChargedAt);
            case BadRowKind.BadRow:
                return (row[..^1], -1);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a charges bad row");
        }
    }

    private (string[] Fields, int Column)? StagesRow(FeedOutput output, BadRowKind kind)
    {
        if (output.Template is not { } template || output.TemplateRecord is not StageRow first)
        {
            return null;
        }
        var row = template.ToArray();
        switch (kind)
        {
            case BadRowKind.IdenticalDuplicate:
                return (row, -1);
            case BadRowKind.DuplicateKey:
                row[FeedLayout.Stage.Started] = ValueFormats.Iso(first.Started.AddDays(-1));
                return (row, FeedLayout.Stage.Project);
        }
        var year = first.Started.Year;
        row[FeedLayout.Stage.Project] = _context.NextProjectCode(year, "330100", "48", "01");
        row[FeedLayout.Stage.Started] = ValueFormats.Iso(first.Started);
        row[FeedLayout.Stage.Completed] = first.Completed is { } c ? ValueFormats.Iso(c) : "";
        switch (kind)
        {
            case BadRowKind.UnknownValue:
                row[FeedLayout.Stage.Name] = "竣工验收";
                return (row, FeedLayout.Stage.Name);
            case BadRowKind.MissingRequired:
                row[FeedLayout.Stage.Unit] = "";
                return (row, FeedLayout.Stage.Unit);
            case BadRowKind.BadDate:
                row[FeedLayout.Stage.Started] = $"{AsOf.Year}-04-31";
                return (row, FeedLayout.Stage.Started);
            case BadRowKind.BadNumber:
                row[FeedLayout.Stage.Limit] = "二十";
                row[FeedLayout.Stage.LimitUnit] = "工作日";
                return (row, FeedLayout.Stage.Limit);
            case BadRowKind.EndBeforeStart:
                row[FeedLayout.Stage.Completed] = ValueFormats.Iso(first.Started.AddDays(-5));
                return (row, FeedLayout.Stage.Completed);
            case BadRowKind.BadRow:
                return (row[..^1], -1);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a stages bad row");
        }
    }

    private static string ReasonOf(BadRowKind kind) => kind switch
    {
        BadRowKind.BadRowAfterMultiline or BadRowKind.BadRow => RejectReason.BadRow,
        BadRowKind.MissingRequired => RejectReason.MissingRequired,
        BadRowKind.BadDate => RejectReason.BadDate,
        BadRowKind.BadNumber => RejectReason.BadNumber,
        BadRowKind.NegativeAmount => RejectReason.NegativeAmount,
        BadRowKind.UnknownValue or BadRowKind.UnknownCase => RejectReason.UnknownValue,
        BadRowKind.EndBeforeStart => RejectReason.EndBeforeStart,
        BadRowKind.DuplicateKey => RejectReason.DuplicateKey,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
