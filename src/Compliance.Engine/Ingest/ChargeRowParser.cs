using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Compliance.Engine.Ingest;

/// <summary>charges.csv (收费). Key: charge_id. The case is optional: orphan charges are still judged.</summary>
internal sealed class ChargeRowParser : RowParser<ChargeRecord>
{
    public const int ChargeId = 0;
    public const int CaseId = 1;
    public const int FeeCode = 2;
    public const int FeeName = 3;
    public const int Amount = 4;
    public const int ChargedAt = 5;
    public const int UnitCode = 6;
    public const int PayerType = 7;

    public static readonly FeedSchema ChargesSchema = new("charges", "收费",
    [
        new("缴款单号", "charge_id", true),
        new("办件编号", "case_id", false),
        new("收费项目编码", "fee_code", true),
        new("收费项目名称", "fee_name", false),
        new("收费金额", "amount", true),
        new("收费时间", "charged_at", true),
        new("收费单位编码", "unit_code", false),
        new("缴款人类型", "payer_type", false),
    ]);

    private readonly CaseFinder _cases;
    private readonly CasePrefetch? _prefetchCases;
    private string? _previousCaseId;
    private int _previousCaseIndex = -1;
    private int[] _caseHashes = [];

    // What the read-ahead of cases read, kept so that it is not optimised away; the parser's own, as it runs on one thread.
    private long _readAhead;

    /// <param name="prefetchCases">Given, the rows' cases are read ahead several rows at a time while the rows do not follow the cases' order.</param>
    public ChargeRowParser(CaseLookup acceptedCaseId, CasePrefetch? prefetchCases = null)
    {
        _cases = new CaseFinder(acceptedCaseId);
        _prefetchCases = prefetchCases;
    }

    public override FeedSchema Schema => ChargesSchema;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryParse(FieldRow row, [NotNullWhen(true)] out ChargeRecord? record, out RowProblem problem)
    {
        record = null;
        if (!TryText(row, ChargeId, true, false, out var chargeId, out problem)
            || !TryCaseId(row, out var caseId, out var caseIndex, out problem)
            || !TryText(row, FeeCode, true, true, out var feeCode, out problem)
            || !TryText(row, FeeName, false, true, out var feeName, out problem)
            || !TryAmount(row, out var amount, out problem)
            || !TryDate(row, ChargedAt, true, out var charged, out problem)
            || !TryText(row, UnitCode, false, true, out var unitCode, out problem)
            || !TryText(row, PayerType, false, true, out var payerType, out problem))
        {
            return false;
        }
        record = new ChargeRecord
        {
            ChargeId = chargeId!,
            CaseId = caseId,
            Case = new CasePosition(caseIndex),
            FeeCode = feeCode!,
            FeeName = feeName,
            Amount = amount,
            ChargedOn = charged!.Value,
            UnitCode = unitCode,
            PayerType = payerType,
            Line = row.Line,
        };
        return true;
    }

    /// <summary>
    /// While the rows do not follow the cases' order (an export sorted by charge, date or payer), each row's case is
    /// a look-up in a table far larger than the caches, a chain of cache misses (slot, record, id) that the next row
    /// waits for; read ahead for several rows at once, those of different rows overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Prepare(ReadOnlySpan<RawRow> rows, FieldRow view)
    {
        if (_prefetchCases is null || _cases.LooksNear)
        {
            return;
        }
        if (_caseHashes.Length < rows.Length)
        {
            _caseHashes = new int[rows.Length];
        }
        var n = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].BadRowMessage is not null)
            {
                continue;
            }
            view.Raw = rows[i];
            var caseId = view[CaseId];
            if (!caseId.IsEmpty)
            {
                _caseHashes[n++] = TextHash.Of(caseId);
            }
        }
        _readAhead += _prefetchCases(_caseHashes.AsSpan(0, n));
    }

    public override Func<ChargeRecord, string>? Key { get; } = static record => record.ChargeId;

    public override bool SameContent(ChargeRecord first, ChargeRecord second) =>
        first with { Line = 0 } == second with { Line = 0 };

    public override int LineOf(ChargeRecord record) => record.Line;

    /// <summary>
    /// Optional; a known case's id is shared with the case (millions of charges name a few hundred thousand cases),
    /// and so is the id of the row before when it names the same case, as the charges of a case tend to follow
    /// each other. Where the case was found goes with it, for judging.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryCaseId(FieldRow row, out string? caseId, out int caseIndex, out RowProblem problem)
    {
        var span = row[CaseId];
        problem = default;
        if (span.IsEmpty)
        {
            caseId = null;
            caseIndex = -1;
            return true;
        }
        if (_previousCaseId is null || !span.SequenceEqual(_previousCaseId))
        {
            _previousCaseId = _cases.Find(span, out _previousCaseIndex) ?? span.ToString();
        }
        caseId = _previousCaseId;
        caseIndex = _previousCaseIndex;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryAmount(FieldRow row, out decimal amount, out RowProblem problem)
    {
        var span = row[Amount];
        problem = default;
        amount = 0m;
        if (span.IsEmpty)
        {
            problem = Missing(Amount);
            return false;
        }
        if (!AmountParser.TryParse(span, out amount, out var error))
        {
            problem = new RowProblem(Amount, RejectReason.BadNumber, error switch
            {
                AmountError.TooManyDecimals => $"“{Label(Amount)}”的值“{span}”不是有效金额：小数超过两位（金额以元为单位，精确到分）",
                AmountError.TooManyDigits => $"“{Label(Amount)}”的值“{span}”超出金额范围：整数部分超过 {AmountParser.MaxIntegerDigits} 位",
                _ => $"“{Label(Amount)}”的值“{span}”不是有效金额：应为以元为单位的数字，如 1234.50、1,234.50、¥12 或 12元",
            });
            return false;
        }
        if (amount < 0m)
        {
            problem = new RowProblem(Amount, RejectReason.NegativeAmount, $"“{Label(Amount)}”为负数：{span}");
            return false;
        }
        return true;
    }
}
