using Compliance.Engine.Catalog;

namespace Compliance.Host.Generation;

/// <summary>
/// Plans and writes charges: the lawful fees of a case (in force, in scope, within the standard, by an entitled
/// collector, to a payer who is not exempt, never before the case was accepted), the planted breaching ones,
/// and counter charges with no case that bring charges up to about twice the cases.
/// </summary>
internal sealed class ChargePlanner
{
    private static readonly DateStyle[] Styles = [DateStyle.IsoSeconds, DateStyle.IsoMinutes, DateStyle.CompactTime, DateStyle.Compact];
    private static readonly double[] StyleWeights = [0.6, 0.2, 0.1, 0.1];

    private readonly GenerationContext _context;
    private readonly FeedOutput _charges;
    private readonly BadRowWriter _badRows;
    private readonly Dictionary<long, List<FeeSlot>> _counterFees = [];

    public ChargePlanner(GenerationContext context, FeedOutput charges, BadRowWriter badRows)
    {
        _context = context;
        _charges = charges;
        _badRows = badRows;
    }

    public int Written => _charges.DataRows;

    private SeededRandom Random => _context.Random;
    private CatalogView View => _context.View;

    /// <summary>The case's lawful charges, and the breaching one of <paramref name="breach"/> when it belongs to this case.</summary>
    public void ForCase(CaseRow c, FeeBreachPlan? breach)
    {
        var day = breach?.Kind == BreachKind.FeeDuplicate ? breach.ChargedOn
            : c.Decided is { } decided && Random.Chance(0.35) ? decided
            : c.Accepted;
        var written = new List<(ChargeRow Row, FeeSlot Slot)>();
        foreach (var group in View.SlotGroups(c.Item, c.ApplicantType, day))
        {
            // The breaching charge is this case's charge of its fee: a lawful one beside it would be a duplicate.
            if (breach is not null && breach.Kind != BreachKind.FeeDuplicate && group.Any(s => s.Fee.Code == breach.FeeCode))
            {
                continue;
            }
            var slot = Random.Pick(group);
            var row = Lawful(c, slot, day);
            Write(row, plain: breach is null);
            written.Add((row, slot));
        }
        if (breach is null)
        {
            return;
        }
        if (breach.Kind == BreachKind.FeeDuplicate)
        {
            if (written.Count == 0)
            {
                throw new InvalidOperationException($"Case {c.CaseId} was planned for a duplicate charge but carries no fee on {ValueFormats.Iso(day)}.");
            }
            var (first, slot) = Random.Pick(written);
            var again = _context.Days.Add(first.ChargedOn, Random.Between(0, 3));
            if (again > _context.AsOf || slot.Fee.PeriodOn(again) != slot.Period)
            {
                again = first.ChargedOn;
            }
            var second = first with { ChargeId = _context.NextChargeId(again), ChargedOn = again };
            Write(second, plain: false);
            _context.Plant(BreachKind.FeeDuplicate, "charge:" + second.ChargeId, Collector(second, c), [BuiltInChecks.FeeDuplicate], again);
            return;
        }
        if (breach.Item is not null)
        {
            WriteBreach(breach, c);
        }
        else
        {
            WriteBreach(breach, null);
        }
    }

    /// <summary>A counter charge with no case: a fee lawful on its day for its payer, by an entitled collector. False when none is.</summary>
    public bool WriteCounterCharge()
    {
        var day = _context.Days.RandomWorkingDay(Random, _context.WindowStart, _context.Days.RollBack(_context.AsOf));
        var payer = Random.Pick(Applicants.All);
        var fees = CounterFees(day, payer);
        if (fees.Count == 0)
        {
            return false;
        }
        var slot = Random.Pick(fees);
        var p = slot.Period;
        var row = new ChargeRow
        {
            ChargeId = _context.NextChargeId(day),
            CaseId = "",
            FeeCode = slot.Fee.Code,
            FeeName = slot.Fee.Name,
            Amount = p.Max is { } max ? FeeAmounts.UpTo(max, Random) : FeeAmounts.ByArea(Random),
            ChargedOn = day,
            UnitColumn = slot.Collectors is { } collectors ? Random.Pick(collectors) : Random.Pick(View.Units),
            PayerColumn = payer,
        };
        Write(row, plain: false);
        _context.Summary.AddVariant("charge.no-case");
        return true;
    }

    private void WriteBreach(FeeBreachPlan plan, CaseRow? c)
    {
        var row = new ChargeRow
        {
            ChargeId = _context.NextChargeId(plan.ChargedOn),
            CaseId = c?.CaseId ?? "",
            FeeCode = plan.FeeCode,
            FeeName = plan.FeeName,
            Amount = plan.Amount,
            ChargedOn = plan.ChargedOn,
            UnitColumn = plan.Collector ?? (c is not null && Random.Chance(0.3) ? c.Unit : ""),
            PayerColumn = plan.PayerColumn ?? (c is null || Random.Chance(0.5) ? plan.ApplicantType : ""),
        };
        Write(row, plain: false);
        _context.Plant(plan.Kind, "charge:" + row.ChargeId, Collector(row, c), plan.Codes, plan.ChargedOn);
    }

    private ChargeRow Lawful(CaseRow c, FeeSlot slot, DateOnly day)
    {
        var p = slot.Period;
        var unit = p.Collectors is null || p.Collectors.Contains(c.Unit)
            ? (Random.Chance(0.3) ? c.Unit : "")
            : Random.Pick(slot.Collectors!);
        return new ChargeRow
        {
            ChargeId = _context.NextChargeId(day),
            CaseId = c.CaseId,
            FeeCode = slot.Fee.Code,
            FeeName = slot.Fee.Name,
            Amount = p.Max is { } max ? FeeAmounts.UpTo(max, Random) : FeeAmounts.ByArea(Random),
            ChargedOn = day,
            UnitColumn = unit,
            PayerColumn = Random.Chance(0.5) ? c.ApplicantType : "",
        };
    }

    private List<FeeSlot> CounterFees(DateOnly day, string payer)
    {
        var key = (long)Applicants.IndexOf(payer) << 32 | (uint)day.DayNumber;
        if (!_counterFees.TryGetValue(key, out var fees))
        {
            fees = [];
            foreach (var fee in View.Fees)
            {
                if (fee.PeriodOn(day) is { } p && CatalogView.IsChargeable(p, payer))
                {
                    fees.Add(new FeeSlot(fee, p));
                }
            }
            _counterFees[key] = fees;
        }
        return fees;
    }

    private static string Collector(ChargeRow row, CaseRow? c) => row.UnitColumn.Length > 0 ? row.UnitColumn : c?.Unit ?? "";

    private void Write(ChargeRow row, bool plain)
    {
        var style = Styles[Random.Weighted(StyleWeights)];
        string[] fields =
        [
            row.ChargeId,
            row.CaseId,
            row.FeeCode,
            Random.Chance(0.95) ? row.FeeName : "",
            ValueFormats.Amount(row.Amount, Random),
            ValueFormats.Date(row.ChargedOn, style, ValueFormats.OfficeTime(Random)),
            row.UnitColumn,
            row.PayerColumn,
        ];
        _charges.WriteData(fields, plain ? row : null);
        _badRows.FlushDue(_charges);
    }
}
